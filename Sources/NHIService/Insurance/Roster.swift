import Foundation
import NHICore

extension NHIService {
    /// The unit's in-force roster (在保名冊).
    public struct Roster: Sendable {
        let core: NHIService

        /// Everyone insured with `unit` on `date` (default today), insured persons followed by
        /// their dependants. Staff of the unit only.
        public func inForce(unit: UnitCode, on date: CalendarDate? = nil, by caller: Caller) throws(ServiceError) -> [RosterLine] {
            let day = date ?? core.clock.today
            if caller.standing == .system { return try core.read { try $0.roster(unit: unit, on: day) } }
            return try core.read(authorising: .viewRoster, caller, unit: unit) { try $0.roster(unit: unit, on: day) }
        }
    }

    /// The in-force roster.
    public var roster: Roster { Roster(core: self) }
}

/// What a roster import did.
public struct RosterImportResult: Sendable, Hashable {
    /// How many people were added to the unit's in-force roster.
    public let imported: Int
    /// People already in force with the unit: skipped, never duplicated.
    public let duplicates: Int
}

extension NHIService.Roster {
    /// Imports an existing in-force roster (e.g. when a unit starts using this system, from
    /// the NHI's roster statement): insured persons first, then dependants, in one
    /// transaction. People already in force with the unit are skipped and counted, so running
    /// the same import twice never duplicates anyone. Dependants must depend on someone in
    /// the roster or already in force.
    public func importInForce(unit: UnitCode, _ lines: [RosterLine], by caller: Caller) throws(ServiceError) -> RosterImportResult {
        guard caller.isAdministrator(of: unit) || caller.standing == .system else {
            throw ServiceError(.notAuthorised, context: ["caller": caller.description])
        }
        let today = core.clock.today
        return try core.write { w in
            guard try w.unit(unit) != nil else { throw ServiceError(.unitNotRegistered) }
            var present = Set(try w.coverages(unit: unit, inForceOn: today).map(\.personID))
            let principals = Set(lines.filter { !$0.isDependant }.map(\.personID)).union(present)
            var duplicates = 0
            var persons: [Person] = [], coverages: [Coverage] = []
            for line in lines.sorted(by: { !$0.isDependant && $1.isDependant }) {
                if present.contains(line.personID) { duplicates += 1; continue }
                if let principal = line.principalID, !principals.contains(principal) {
                    throw ServiceError(.filingPrincipalNotInsured, context: ["person": line.personID.masked])
                }
                persons.append(Person(id: line.personID, name: try PersonName(line.name.isEmpty ? line.personID.masked : line.name),
                                      birthDate: line.birthDate ?? CalendarDate(daysSinceEpoch: 0)))
                coverages.append(Coverage(id: 0, unitCode: unit, personID: line.personID, principalID: line.principalID,
                                          relation: line.relation, category: line.category, insuredAmount: line.insuredAmount,
                                          startDate: line.startDate, endDate: nil, status: line.status, foreignNational: line.personID.isResident))
                present.insert(line.personID)
            }
            // In bulk: on PostgreSQL a statement per thousand rows, not per row.
            try w.upsert(persons)
            _ = try w.insert(coverages)
            let imported = coverages.count
            // Months before the import are outside the store's billing history: a later
            // retroactive filing never reopens them.
            if imported > 0 { try w.setBillingBaseline(unit: unit, month: try ROCMonth(today)) }
            try core.record(w, caller, unit: unit, action: "roster.import", target: unit.rawValue, detail: "\(imported) imported, \(duplicates) duplicates")
            return RosterImportResult(imported: imported, duplicates: duplicates)
        }
    }
}
