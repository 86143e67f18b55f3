import NHICore
import NHIService

/// Strings shared by the flow forms (buttons, documents, the roster picker).
public enum FormText: Sendable, Hashable {
    case submit
    case working
    case startOver
    case nextOne
    case attachmentsTitle
    case attachmentsHint
    case addAttachment
    case removeAttachment(name: String)
    case attachmentsNeeded
    case chooseFileTitle
    case chooseAccept
    case choosePerson
    case choosePersonNone
    case personOnRecord(name: String, maskedID: String, amount: Money, category: InsuredCategory)
    case dependantOnRecord(name: String, maskedID: String)
    case notOnRoster
    case effectiveDate(CalendarDate)
    case category(InsuredCategory)
    case relation(DependantRelation)

    var pair: (String, String) {
        switch self {
        case .submit: ("送出申報", "File")
        case .working: ("處理中…", "Working…")
        case .startOver: ("清除重填", "Clear the form")
        case .nextOne: ("辦理下一筆", "Start the next one")
        case .attachmentsTitle: ("檢附文件", "Documents")
        case .attachmentsHint:
            ("檔名不可超出 25 個字；檔案格式為 .jpg 或 .pdf；大小不得超過 5M", "File names up to 25 characters; .jpg or .pdf; at most 5 MB each")
        case .addAttachment: ("加入文件…", "Add a document…")
        case .removeAttachment(let name): ("移除 \(name)", "Remove \(name)")
        case .attachmentsNeeded: ("須檢附證明文件", "Proof documents are required")
        case .chooseFileTitle: ("選擇檔案", "Choose a file")
        case .chooseAccept: ("選擇", "Choose")
        case .choosePerson: ("從在保名冊選擇", "Choose from the roster")
        case .choosePersonNone: ("（請選擇）", "(choose)")
        case .personOnRecord(let name, let id, let amount, let category):
            ("目前在保：\(name) \(id)，投保金額 \(amount.display) 元（\(category.label)）",
             "On the roster: \(name) \(id), insured amount NT$\(amount.display) (\(FormText.categoryEn(category)))")
        case .dependantOnRecord(let name, let id): ("目前在保（眷屬）：\(name) \(id)", "On the roster as a dependant: \(name) \(id)")
        case .notOnRoster: ("此身分證號不在本單位在保名冊", "This ID is not on the unit's in-force roster")
        case .effectiveDate(let date): ("生效日期：民國 \(date.rocSlashed)", "Effective \(date.iso) (ROC \(date.rocSlashed))")
        case .category(let category): (category.label, FormText.categoryEn(category))
        case .relation(let relation): (relation.label, FormText.relationEn(relation))
        }
    }

    static func categoryEn(_ category: InsuredCategory) -> String {
        switch category {
        case .employee: "employee"
        case .employer: "employer"
        case .selfEmployed: "self-employed"
        case .professional: "self-practising professional"
        case .civilServant: "civil servant"
        case .privateSchool: "private-school staff"
        case .union: "union member"
        case .farmer: "farmer"
        }
    }

    static func relationEn(_ relation: DependantRelation) -> String {
        switch relation {
        case .spouse: "spouse"
        case .parent: "parent"
        case .grandparent: "grandparent"
        case .greatGrandparent: "great-grandparent"
        case .child: "child"
        case .grandchild: "grandchild"
        }
    }
}
