/// The kinds of grade tables, each a ladder of insured amounts with its own effective dates.
public enum TableKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 全民健康保險投保金額分級表: NHI insured amounts (投保金額).
    case nhi
    /// 勞工保險投保薪資分級表: labour-insurance insured salaries (投保薪資), with part-time lower grades.
    case labour
    /// 勞工職業災害保險投保薪資分級表: occupational-accident insured salaries.
    case accident
    /// 勞工退休金月提繳工資分級表: labour-pension contribution wages (月提繳工資).
    case pension

    /// `健保投保金額分級表`, …
    public var label: String {
        switch self {
        case .nhi: "健保投保金額分級表"
        case .labour: "勞保投保薪資分級表"
        case .accident: "職保投保薪資分級表"
        case .pension: "勞退月提繳工資分級表"
        }
    }

    /// `NHI insured-amount grades`, …
    public var labelEn: String {
        switch self {
        case .nhi: "NHI insured-amount grades"
        case .labour: "labour-insurance salary grades"
        case .accident: "occupational-accident salary grades"
        case .pension: "labour-pension wage grades"
        }
    }

    /// What the amount of a grade is called: `投保金額` for the NHI, `投保薪資` for labour and
    /// accident insurance, `月提繳工資` for the pension.
    public var amountLabel: String {
        switch self {
        case .nhi: "投保金額"
        case .labour, .accident: "投保薪資"
        case .pension: "月提繳工資"
        }
    }
}
