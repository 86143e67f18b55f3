import NHICore

/// Strings of the insurance-status lookup and the printed proof.
public enum InsuranceText: Sendable, Hashable {
    case idCaption
    case dateCaption
    case dateHint
    case lookUp
    case statusTitle
    case printProof(Language)
    case proofTitle
    case proofReference(String, issued: String)
    case name
    case asOf
    case coverageHeading
    case dependantsHeading
    case columnUnit
    case columnRole
    case columnStart
    case insuredSelf
    case dependant
    case previewTitle

    var pair: (String, String) {
        switch self {
        case .idCaption: ("身分證號（居留證統一證號）", "ID or resident certificate number")
        case .dateCaption: ("查詢日期（民國年月日，空白為今天）", "Date (ROC yyyMMdd; empty: today)")
        case .dateHint: ("只能查詢在本投保單位投保的人（含眷屬）", "Only people insured with this unit (and their dependants) can be looked up")
        case .lookUp: ("查詢", "Look up")
        case .statusTitle: ("投保狀態", "Insurance status")
        case .printProof(let language): language == .english ? ("列印英文投保證明", "Print the proof in English")
            : ("列印中文投保證明", "Print the proof in Chinese")
        case .proofTitle: ("全民健康保險投保證明", "National Health Insurance — Certificate of Coverage")
        case .proofReference(let reference, let issued): ("證明編號 \(reference)　列印日期 \(issued)", "Reference \(reference) · issued \(issued)")
        case .name: ("姓名", "Name")
        case .asOf: ("查詢日期", "As of")
        case .coverageHeading: ("投保紀錄", "Coverage")
        case .dependantsHeading: ("依附眷屬", "Dependants")
        case .columnUnit: ("投保單位", "Insured unit")
        case .columnRole: ("身分", "As")
        case .columnStart: ("加保日期", "Since")
        case .insuredSelf: ("本人", "the insured")
        case .dependant: ("眷屬", "dependant")
        case .previewTitle: ("投保證明（預覽）", "Proof of insurance (preview)")
        }
    }
}
