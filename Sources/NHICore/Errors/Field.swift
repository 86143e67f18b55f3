/// A named field of a form, a file or a value: the name used in codes and JSON, and
/// labels for people in both languages.
public struct Field: Hashable, Sendable, CustomStringConvertible {
    /// The machine name, used as the first part of error codes (`nationalID`).
    public let name: String
    /// The Traditional Chinese label (`身分證號`).
    public let label: String
    /// The English label (`National ID`).
    public let labelEn: String

    /// Creates a field.
    public init(_ name: String, label: String, labelEn: String) {
        self.name = name
        self.label = label
        self.labelEn = labelEn
    }

    public var description: String { name }
}

extension Field {
    public static let nationalID = Field("nationalID", label: "身分證號", labelEn: "National ID")
    public static let residentID = Field("residentID", label: "居留證統一證號", labelEn: "Resident certificate number")
    public static let personalID = Field("personalID", label: "身分證號或居留證號", labelEn: "National ID or resident number")
    public static let ubn = Field("ubn", label: "統一編號", labelEn: "Unified business number (UBN)")
    public static let unitCode = Field("unitCode", label: "投保單位代號", labelEn: "Insured-unit code")
    public static let labourInsuranceNumber = Field("labourInsuranceNumber", label: "勞(農)保證號", labelEn: "Labour-insurance number")
    public static let nhiCardNumber = Field("nhiCardNumber", label: "健保卡號", labelEn: "NHI card number")
    public static let certificateCardNumber = Field("certificateCardNumber", label: "憑證卡號", labelEn: "Certificate card number")
    public static let mobile = Field("mobile", label: "行動電話", labelEn: "Mobile number")
    public static let landline = Field("landline", label: "聯絡電話", labelEn: "Landline number")
    public static let email = Field("email", label: "電子郵件", labelEn: "E-mail address")
    public static let rocDate = Field("rocDate", label: "民國日期", labelEn: "ROC date")
    public static let date = Field("date", label: "日期", labelEn: "Date")
    public static let password = Field("password", label: "註冊密碼", labelEn: "Registration password")
    public static let pin = Field("pin", label: "憑證PIN碼", labelEn: "Certificate PIN")
    public static let money = Field("money", label: "金額", labelEn: "Amount")
    public static let name = Field("name", label: "姓名", labelEn: "Name")
    public static let relation = Field("relation", label: "稱謂", labelEn: "Relation to the insured")
    public static let contactPhone = Field("contactPhone", label: "聯絡電話或行動電話", labelEn: "Contact phone or mobile")
    public static let unitName = Field("unitName", label: "投保單位名稱", labelEn: "Unit name")
    public static let category = Field("category", label: "身分別", labelEn: "Insured category")
    public static let value = Field("value", label: "資料", labelEn: "Value")
    public static let birthDate = Field("birthDate", label: "出生日期", labelEn: "Birth date")
    public static let registeredVillage = Field("registeredVillage", label: "戶籍鄉鎮里鄰", labelEn: "Registered township and village")
    public static let certificateSerial = Field("certificateSerial", label: "憑證序號", labelEn: "Certificate serial number")
    public static let certificateName = Field("certificateName", label: "憑證名稱", labelEn: "Certificate issuer or subject")
    public static let deviceLabel = Field("deviceLabel", label: "裝置名稱", labelEn: "Device label")
    public static let contactName = Field("contactName", label: "聯絡人", labelEn: "Contact person")
    public static let address = Field("address", label: "地址", labelEn: "Address")
    public static let fileName = Field("fileName", label: "檔案名稱", labelEn: "File name")
    public static let counterOffice = Field("counterOffice", label: "領卡地點", labelEn: "Pick-up counter")
}
