import NHICore

/// Strings of the staff screen (單位管理者登錄作業; wording after the NHI's own screens).
public enum StaffText: Sendable, Hashable {
    case listTitle
    case assignTitle
    case caption(StaffManagementModel.Field)
    case rolePicker
    case role(StaffRole)
    case credentialPicker
    case credential(CertificateKind)
    case credentialChoice(StaffManagementModel.Credential)
    case mayFile
    case mayFileBox
    case assign
    case assigned(name: String, maskedID: String, role: StaffRole)
    case delete(name: String, maskedID: String)
    case deleteTitle
    case deleteMessage(name: String, maskedID: String, role: StaffRole)
    case deleted(name: String, maskedID: String)
    case yourself
    case empty

    var pair: (String, String) {
        switch self {
        case .listTitle: ("目前的管理者及承辦人", "Current administrators and operators")
        case .assignTitle: ("指派管理者或承辦人", "Assign an administrator or operator")
        case .caption(let field):
            switch field {
            case .id: ("身分證號（居留證統一證號）", "ID or resident certificate number")
            case .name: ("姓名", "Name")
            case .certificateSerial: ("憑證序號（自然人憑證卡上的序號）", "Certificate serial number (on the citizen-certificate card)")
            case .landline: ("聯絡電話（如 02-23456789#123）", "Landline (e.g. 02-23456789#123)")
            case .mobile: ("行動電話", "Mobile")
            case .email: ("電子郵件", "E-mail")
            }
        case .rolePicker: ("角色", "Role")
        case .role(let role): (role.label, role.labelEn)
        case .credentialPicker: ("登入方式", "Signs in with")
        case .credential(let kind): (kind.label, kind.labelEn)
        case .credentialChoice(let choice): choice == .nhiCard ? ("健保卡（須已註冊網路服務）", "NHI card (registered for online services)")
            : ("自然人憑證", "Citizen certificate")
        case .mayFile: ("可加退保", "may file")
        case .mayFileBox: ("允許使用所有加退保業務功能", "May use every enrolment and withdrawal function")
        case .assign: ("指派", "Assign")
        case .assigned(let name, let id, let role):
            ("已指派 \(name) \(id) 為\(role.label)", "\(name) \(id) is assigned as \(role.labelEn)")
        case .delete(let name, let id): ("刪除 \(name) \(id)", "Delete \(name) \(id)")
        case .deleteTitle: ("刪除管理者或承辦人？", "Delete this assignment?")
        case .deleteMessage(let name, let id, let role):
            ("刪除後 \(name) \(id)（\(role.label)）將無法再登入本投保單位；紀錄保留供稽核。",
             "\(name) \(id) (\(role.labelEn)) will no longer be able to sign in for this unit; the record stays in the audit log.")
        case .deleted(let name, let id): ("已刪除 \(name) \(id) 的指派", "\(name) \(id)'s assignment was deleted")
        case .yourself: ("（本人）", "(you)")
        case .empty: ("沒有資料", "Nobody assigned")
        }
    }
}
