import NHICore
import X509

extension CertificateKind {
    /// The certificate authorities of Taiwan's government PKI, recognised by the issuer's
    /// organisational unit (`OU=內政部憑證管理中心`) or its English abbreviation.
    static let authorities: [(kind: CertificateKind, names: [String])] = [
        (.citizen, ["內政部憑證管理中心", "MOICA"]),
        (.healthcareProfessional, ["醫事憑證管理中心", "HCA"]),
        (.moeaca, ["工商憑證管理中心", "MOEACA"]),
        (.gca, ["政府憑證管理中心", "GCA"]),
        (.xca, ["組織及團體憑證管理中心", "XCA"]),
    ]

    /// The kind of certificate an issuer name stands for, or `nil` for an issuer outside
    /// Taiwan's government PKI.
    public init?(issuer: DistinguishedName) {
        let values = issuer.flatMap { $0 }.map { String($0.value) ?? $0.value.description }
        for authority in Self.authorities {
            if values.contains(where: { value in authority.names.contains { value.contains($0) } }) {
                self = authority.kind
                return
            }
        }
        return nil
    }

    /// The issuing CA's organisational unit, as the test authorities and the profiles write it.
    public var authorityName: String? {
        Self.authorities.first { $0.kind == self }?.names.first
    }
}
