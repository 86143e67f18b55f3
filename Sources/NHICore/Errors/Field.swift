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

    /// The machine name, as `name` (`nationalID`).
    public var description: String { name }
}

extension Field {
    /// 身分證號: a national ID, ``NationalID``.
    public static let nationalID = Field("nationalID", label: "身分證號", labelEn: "National ID")
    /// 居留證統一證號: a resident certificate number, ``ResidentID``.
    public static let residentID = Field("residentID", label: "居留證統一證號", labelEn: "Resident certificate number")
    /// 身分證號或居留證號: either kind of ID, ``PersonalID``.
    public static let personalID = Field("personalID", label: "身分證號或居留證號", labelEn: "National ID or resident number")
    /// 統一編號: a unified business number, ``UBN``.
    public static let ubn = Field("ubn", label: "統一編號", labelEn: "Unified business number (UBN)")
    /// 投保單位代號: an insured-unit code, ``UnitCode``.
    public static let unitCode = Field("unitCode", label: "投保單位代號", labelEn: "Insured-unit code")
    /// 勞(農)保證號: a labour-insurance number, ``LabourInsuranceNumber``.
    public static let labourInsuranceNumber = Field("labourInsuranceNumber", label: "勞(農)保證號", labelEn: "Labour-insurance number")
    /// 健保卡號: an NHI card number, ``NHICardNumber``.
    public static let nhiCardNumber = Field("nhiCardNumber", label: "健保卡號", labelEn: "NHI card number")
    /// 憑證卡號: a certificate card number, ``CertificateCardNumber``.
    public static let certificateCardNumber = Field("certificateCardNumber", label: "憑證卡號", labelEn: "Certificate card number")
    /// 行動電話: a mobile number, ``MobileNumber``.
    public static let mobile = Field("mobile", label: "行動電話", labelEn: "Mobile number")
    /// 聯絡電話: a landline number, ``LandlineNumber``.
    public static let landline = Field("landline", label: "聯絡電話", labelEn: "Landline number")
    /// 電子郵件: an e-mail address, ``EmailAddress``.
    public static let email = Field("email", label: "電子郵件", labelEn: "E-mail address")
    /// 民國日期: an ROC date or month, ``ROCDate`` and ``ROCMonth``.
    public static let rocDate = Field("rocDate", label: "民國日期", labelEn: "ROC date")
    /// 日期: a Gregorian date, ``CalendarDate``.
    public static let date = Field("date", label: "日期", labelEn: "Date")
    /// 註冊密碼: an NHI-card online-service registration password, ``RegistrationPassword``.
    public static let password = Field("password", label: "註冊密碼", labelEn: "Registration password")
    /// 憑證PIN碼: a certificate-card PIN, ``PIN``.
    public static let pin = Field("pin", label: "憑證PIN碼", labelEn: "Certificate PIN")
    /// 金額: an amount in NT$, ``Money``.
    public static let money = Field("money", label: "金額", labelEn: "Amount")
    /// 姓名: a person's name, ``PersonName``.
    public static let name = Field("name", label: "姓名", labelEn: "Name")
    /// 稱謂: a dependant's relation to the insured, ``DependantRelation``.
    public static let relation = Field("relation", label: "稱謂", labelEn: "Relation to the insured")
    /// 聯絡電話或行動電話: the pair of which one is required, ``ContactPhones``.
    public static let contactPhone = Field("contactPhone", label: "聯絡電話或行動電話", labelEn: "Contact phone or mobile")
    /// 投保單位名稱: an insured unit's or withholding unit's name.
    public static let unitName = Field("unitName", label: "投保單位名稱", labelEn: "Unit name")
    /// 身分別: an insured category, ``InsuredCategory``.
    public static let category = Field("category", label: "身分別", labelEn: "Insured category")
    /// 資料: a value whose kind is not known (``ValueCheck`` without a kind).
    public static let value = Field("value", label: "資料", labelEn: "Value")
    /// 出生日期: a birth date.
    public static let birthDate = Field("birthDate", label: "出生日期", labelEn: "Birth date")
    /// 戶籍鄉鎮里鄰: the registered township and village asked for by the personal online-service registration.
    public static let registeredVillage = Field("registeredVillage", label: "戶籍鄉鎮里鄰", labelEn: "Registered township and village")
    /// 憑證序號: a certificate's serial number or its card's number (``CertificateSerial``).
    public static let certificateSerial = Field("certificateSerial", label: "憑證序號", labelEn: "Certificate serial number")
    /// 憑證名稱: a certificate's issuer or subject name.
    public static let certificateName = Field("certificateName", label: "憑證名稱", labelEn: "Certificate issuer or subject")
    /// 裝置名稱: the label of a device bound to an online-service account.
    public static let deviceLabel = Field("deviceLabel", label: "裝置名稱", labelEn: "Device label")
    /// 聯絡人: a contact person's name.
    public static let contactName = Field("contactName", label: "聯絡人", labelEn: "Contact person")
    /// 地址: an address or a part of one.
    public static let address = Field("address", label: "地址", labelEn: "Address")
    /// 檔案名稱: the name of an uploaded or filed file.
    public static let fileName = Field("fileName", label: "檔案名稱", labelEn: "File name")
    /// 領卡地點: the counter where a new NHI card is picked up.
    public static let counterOffice = Field("counterOffice", label: "領卡地點", labelEn: "Pick-up counter")
}
