import Foundation
import NHICore

extension NHIService {
    /// The unit's in-force roster (在保名冊).
    public struct Roster: Sendable {
        let core: NHIService

        /// Everyone insured with `unit` on `date` (default today), insured persons followed by
        /// their dependants. Staff of the unit only.
        public func inForce(unit: UnitCode, on date: CalendarDate? = nil, by caller: Caller) throws(ServiceError) -> [RosterLine] {
            guard caller.isStaff(of: unit) || caller.standing == .system else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description])
            }
            let day = date ?? core.clock.today
            return try core.read { try $0.roster(unit: unit, on: day) }
        }
    }

    /// The in-force roster.
    public var roster: Roster { Roster(core: self) }
}
