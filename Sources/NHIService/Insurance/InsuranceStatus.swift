import Foundation
import NHICore

/// A person's insurance on a day: where they are insured and who depends on them
/// (個人及依附眷屬投保資料查詢).
public struct InsuranceStatus: Sendable, Hashable, Codable {
    /// One coverage line.
    public struct Line: Sendable, Hashable, Codable {
        /// The insured person's or dependant's national ID or resident number.
        public let personID: PersonalID
        /// The name as recorded, if the service has it.
        public let name: String?
        /// The insured unit (投保單位代號) of the coverage.
        public let unitCode: UnitCode
        /// The unit's name, if the unit is registered with the service.
        public let unitName: String?
        /// `本人` or `眷屬`.
        public let role: String
        /// For a dependant: the relation to the insured person (稱謂).
        public let relation: DependantRelation?
        /// The insured category (身分別).
        public let category: InsuredCategory
        /// The insured amount (投保金額) in NT$.
        public let insuredAmount: Money
        /// The enrolment date (加保日).
        public let startDate: CalendarDate
        /// 在保, 停保 or 育嬰留職停薪 on the day asked about.
        public let status: CoverageStatus
    }

    /// The person asked about.
    public let personID: PersonalID
    /// The person's name as recorded, if the service has it.
    public let name: String?
    /// The day the status is for.
    public let asOf: CalendarDate
    /// The person's own coverage (as insured or as a dependant), usually one line.
    public let coverage: [Line]
    /// People insured as this person's dependants.
    public let dependants: [Line]

    /// Whether the person is insured on ``asOf``.
    public var isInsured: Bool { !coverage.isEmpty }
}

/// A printable proof of insurance (投保證明) in Traditional Chinese and English.
public struct ProofOfInsurance: Sendable, Hashable, Codable {
    /// The status the proof certifies.
    public let status: InsuranceStatus
    /// When the proof was issued (printed with the date in ROC or ISO form).
    public let issuedAt: Date
    /// A reference number printed on the proof and kept in the audit log.
    public let reference: String

    /// Creates a proof from a status, its issue time and its reference number.
    public init(status: InsuranceStatus, issuedAt: Date, reference: String) {
        self.status = status
        self.issuedAt = issuedAt
        self.reference = reference
    }

    /// The proof's text, line by line, in `language` (`zh-Hant` or `en`).
    public func lines(language: String) -> [String] {
        let english = language.hasPrefix("en")
        let day = status.asOf
        var out: [String] = []
        if english {
            out.append("National Health Insurance — Certificate of Coverage")
            out.append("Name: \(status.name ?? "-")    ID: \(status.personID.rawValue)")
            out.append("As of: \(day.iso)")
        } else {
            out.append("全民健康保險投保證明")
            out.append("姓名：\(status.name ?? "-")    身分證號：\(status.personID.rawValue)")
            out.append("查詢日期：\((try? ROCDate(day))?.formatted(.chinese) ?? day.iso)")
        }
        if status.coverage.isEmpty {
            out.append(english ? "Not insured on this date." : "查詢日無投保紀錄。")
        }
        for line in status.coverage {
            let start = english ? line.startDate.iso : ((try? ROCDate(line.startDate))?.formatted(.slashed) ?? line.startDate.iso)
            if english {
                out.append("Insured with \(line.unitName ?? line.unitCode.rawValue) (\(line.unitCode.rawValue)) as \(line.role == "本人" ? "the insured" : "a dependant") since \(start)")
            } else {
                out.append("投保單位：\(line.unitName ?? "")（\(line.unitCode.rawValue)）  身分：\(line.role)  加保日期：\(start)")
            }
        }
        if !status.dependants.isEmpty {
            out.append(english ? "Dependants:" : "依附眷屬：")
            for d in status.dependants {
                out.append("  \(d.name ?? "-")  \(d.personID.masked)  \(english ? (d.relation?.rawValue ?? "") : (d.relation?.label ?? ""))")
            }
        }
        out.append(english ? "Reference: \(reference)  Issued: \(CalendarDate.today(at: issuedAt).iso)"
                           : "證明編號：\(reference)  列印日期：\((try? ROCDate(CalendarDate.today(at: issuedAt)))?.formatted(.slashed) ?? "")")
        return out
    }
}

extension NHIService {
    /// A person's insurance status and proof of insurance.
    public struct Insurance: Sendable {
        let core: NHIService

        /// The status of `personID` on `date` (default: today). Callable by the person, or by
        /// staff of a unit the person is insured with.
        public func status(of personID: PersonalID, on date: CalendarDate? = nil, by caller: Caller) throws(ServiceError) -> InsuranceStatus {
            let day = date ?? core.clock.today
            return try core.read { r in
                let own = try r.coverages(person: personID).filter { $0.isInForce(on: day) }
                switch caller.standing {
                case .person: guard caller.personID == personID else { throw ServiceError(.notAuthorised) }
                case .system: break
                default:
                    // Staff see only people insured in their own unit, principals and
                    // dependants alike (a dependant insured elsewhere is not theirs to see).
                    guard let unit = caller.unitCode, caller.isStaff(of: unit), own.contains(where: { $0.unitCode == unit }) else {
                        throw ServiceError(.notAuthorised)
                    }
                }
                var dependants: [Coverage] = []
                for c in own where c.principalID == nil {
                    dependants += try r.coverages(unit: c.unitCode, inForceOn: day).filter { $0.principalID == personID }
                }
                func line(_ c: Coverage) throws -> InsuranceStatus.Line {
                    InsuranceStatus.Line(personID: c.personID, name: try r.person(c.personID)?.name.value, unitCode: c.unitCode,
                                         unitName: try r.unit(c.unitCode)?.unit.name, role: c.isDependant ? "眷屬" : "本人",
                                         relation: c.relation, category: c.category, insuredAmount: c.insuredAmount,
                                         startDate: c.enrolledOn, status: c.status)
                }
                return InsuranceStatus(personID: personID, name: try r.person(personID)?.name.value, asOf: day,
                                       coverage: try own.map(line), dependants: try dependants.map(line))
            }
        }

        /// A proof of insurance for printing; recorded in the audit log.
        public func proof(of personID: PersonalID, by caller: Caller) throws(ServiceError) -> ProofOfInsurance {
            let status = try status(of: personID, by: caller)
            let now = core.clock.now
            let reference = "P" + String(Int(now.timeIntervalSince1970)) + String(personID.rawValue.suffix(2))
            try core.write { w in
                try core.record(w, caller, unit: caller.unitCode, action: "insurance.proof", target: personID.masked, detail: reference)
            }
            return ProofOfInsurance(status: status, issuedAt: now, reference: reference)
        }
    }

    /// Insurance status and proofs.
    public var insurance: Insurance { Insurance(core: self) }
}
