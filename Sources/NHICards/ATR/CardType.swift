/// What kind of card an ATR says is in the reader.
public enum CardType: String, Sendable, Hashable, Codable, CaseIterable {
    /// 健保卡, the NHI card.
    case nhiCard = "nhi"
    /// 自然人憑證, a MOICA citizen certificate card.
    case citizenCertificate
    /// 醫事人員卡, a healthcare-professional card (HCA); counts as a citizen certificate.
    case healthcareProfessional
    /// A certificate IC card whose issuer only the certificate itself tells (organisation
    /// certificates of MOEACA, GCA and XCA share HiCOS card platforms).
    case certificateCard = "certificate"
    /// An ATR that matches nothing in the table.
    case unknown

    /// Whether the card carries X.509 certificates for a certificate login.
    public var isCertificateCard: Bool { [.citizenCertificate, .healthcareProfessional, .certificateCard].contains(self) }

    /// `健保卡`, `自然人憑證`, `醫事人員卡`, `憑證IC卡`, `無法辨識的卡片`.
    public var label: String {
        switch self {
        case .nhiCard: "健保卡"
        case .citizenCertificate: "自然人憑證"
        case .healthcareProfessional: "醫事人員卡"
        case .certificateCard: "憑證IC卡"
        case .unknown: "無法辨識的卡片"
        }
    }

    /// `NHI card`, `citizen certificate`, …
    public var labelEn: String {
        switch self {
        case .nhiCard: "NHI card"
        case .citizenCertificate: "citizen certificate"
        case .healthcareProfessional: "healthcare-professional card"
        case .certificateCard: "certificate card"
        case .unknown: "unrecognised card"
        }
    }
}
