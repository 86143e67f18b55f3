import Crypto
import NHICore

/// The income codes (所得類別) of supplementary premium withheld by a payer (SPEC §10).
public enum DPRIncomeCode: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    /// 62 高額獎金 — bonuses above 4 × the insured amount in the year.
    case bonus = "62"
    /// 63 兼職所得 — pay from an employer that does not insure the person.
    case partTimePay = "63"
    /// 65 執行業務收入 — professional fees.
    case professionalFees = "65"
    /// 66 股利所得 — dividends.
    case dividends = "66"
    /// 67 利息所得 — interest.
    case interest = "67"
    /// 68 租金收入 — rent.
    case rent = "68"

    /// The label in Traditional Chinese.
    public var label: String {
        switch self {
        case .bonus: "高額獎金"
        case .partTimePay: "兼職所得"
        case .professionalFees: "執行業務收入"
        case .dividends: "股利所得"
        case .interest: "利息所得"
        case .rent: "租金收入"
        }
    }

    /// The two-digit income code as filed (`62`).
    public var description: String { rawValue }
}

/// Whether a detail adds a filing or corrects one.
public enum DPRDetailKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// `I`: a new detail (新增).
    case insert = "I"
    /// `R`: a replacement of a detail filed before (更正). SPEC §10 lists `I|R`; the
    /// meaning of `R` is our reading, not a published definition.
    case replace = "R"
}

/// Record `1` of a DPR file: the withholding unit and the totals it declares.
public struct DPRUnitRecord: Sendable, Hashable, Codable {
    /// The payer's UBN (扣費單位統一編號).
    public var ubn: UBN
    /// The income code all details of the file share.
    public var incomeCode: DPRIncomeCode
    /// The first month of the filing period.
    public var periodStart: ROCMonth
    /// The last month of the filing period.
    public var periodEnd: ROCMonth
    /// The declared number of details.
    public var count: Int
    /// The declared total paid.
    public var totalPaid: Money
    /// The declared total premium withheld.
    public var totalPremium: Money
    /// The payer's name (at most 25 characters; padded with U+3000 in the CSV form).
    public var payerName: String
    /// A landline or mobile, canonical.
    public var phone: String?
    /// The contact e-mail.
    public var email: EmailAddress?
    /// The contact person.
    public var contact: String?

    /// Creates a unit record.
    public init(ubn: UBN, incomeCode: DPRIncomeCode, periodStart: ROCMonth, periodEnd: ROCMonth, count: Int,
                totalPaid: Money, totalPremium: Money, payerName: String, phone: String? = nil,
                email: EmailAddress? = nil, contact: String? = nil) {
        self.ubn = ubn
        self.incomeCode = incomeCode
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.count = count
        self.totalPaid = totalPaid
        self.totalPremium = totalPremium
        self.payerName = payerName
        self.phone = phone
        self.email = email
        self.contact = contact
    }
}

/// The per-code fields of a detail.
public enum DPRCodeFields: Sendable, Hashable, Codable {
    /// Code 62 (bonus): the insuring unit, the insured amount of the payment month, and
    /// the bonuses paid in the year so far (SPEC §10).
    case bonus(unitCode: UnitCode, insuredAmount: Money, yearToDateBonus: Money, note: String?)
    /// Codes 63, 65–68: a note. SPEC §10 names per-code fields only for code 62; this
    /// single note column is our layout for the others.
    case other(note: String?)

    /// The note.
    public var note: String? {
        switch self {
        case .bonus(_, _, _, let note), .other(let note): note
        }
    }
}

/// Record `2` of a DPR file: one payment and the premium withheld from it.
public struct DPRDetailRecord: Sendable, Hashable, Codable {
    /// New or replacement.
    public var kind: DPRDetailKind
    /// The payment date.
    public var paymentDate: ROCDate
    /// The income earner.
    public var id: PersonalID
    /// The earner's name.
    public var name: PersonName
    /// The amount paid.
    public var amount: Money
    /// The supplementary premium withheld.
    public var premium: Money
    /// The filing number (申報編號), if any.
    public var filingNumber: String?
    /// The per-code fields.
    public var codeFields: DPRCodeFields

    /// Creates a detail.
    public init(kind: DPRDetailKind, paymentDate: ROCDate, id: PersonalID, name: PersonName, amount: Money, premium: Money,
                filingNumber: String? = nil, codeFields: DPRCodeFields) {
        self.kind = kind
        self.paymentDate = paymentDate
        self.id = id
        self.name = name
        self.amount = amount
        self.premium = premium
        self.filingNumber = filingNumber
        self.codeFields = codeFields
    }

    /// A stable SHA-256 (hex) of the detail's normalised content together with the payer
    /// and income code: the same payment filed twice — in the CSV or the fixed-width
    /// form, re-exported, re-padded — has the same hash, so an import keyed on it is
    /// idempotent. The serialisation is versioned (`dpr-detail/1`) and never changes.
    public func contentHash(ubn: UBN, incomeCode: DPRIncomeCode) -> String {
        var fields = ["dpr-detail/1", ubn.rawValue, incomeCode.rawValue, kind.rawValue, paymentDate.formatted(.compact),
                      id.rawValue, name.value, String(amount.amount), String(premium.amount), filingNumber ?? ""]
        switch codeFields {
        case .bonus(let unit, let insured, let ytd, let note):
            fields += ["62", unit.rawValue, String(insured.amount), String(ytd.amount), note ?? ""]
        case .other(let note):
            fields += ["-", note ?? ""]
        }
        // Fields joined by U+001F, which no field may contain.
        return Self.hex(SHA256.hash(data: Array(fields.joined(separator: "\u{1F}").utf8)))
    }

    /// Lower-case hex of a digest.
    static func hex(_ digest: SHA256.Digest) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A complete, consistent DPR file: the unit record and its details.
public struct DPRFile: Sendable, Hashable, Codable {
    /// Record 1.
    public var unit: DPRUnitRecord
    /// Records 2, in file order.
    public var details: [DPRDetailRecord]

    /// Creates a file.
    public init(unit: DPRUnitRecord, details: [DPRDetailRecord]) {
        self.unit = unit
        self.details = details
    }

    /// The file with the unit record's count and totals computed from the details.
    public func withComputedTotals() -> DPRFile {
        var copy = self
        copy.unit.count = details.count
        copy.unit.totalPaid = details.reduce(Money.zero) { $0 + $1.amount }
        copy.unit.totalPremium = details.reduce(Money.zero) { $0 + $1.premium }
        return copy
    }

    /// Each detail's content hash, in file order.
    public var contentHashes: [String] { details.map { $0.contentHash(ubn: unit.ubn, incomeCode: unit.incomeCode) } }
}
