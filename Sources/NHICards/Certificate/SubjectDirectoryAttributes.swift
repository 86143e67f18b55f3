import SwiftASN1
import X509

/// The subject-directory-attributes extension (OID 2.5.29.9) of Taiwanese certificates,
/// where the identifiers of the holder live:
///
/// | OID | value |
/// |---|---|
/// | 2.16.886.1.100.2.51 | last 4 digits of the holder's national ID (citizen certificates) |
/// | 2.16.886.1.100.2.101 | UBN (MOEACA organisation certificates) |
/// | 2.16.886.1.100.2.102 | organisation code (GCA / XCA certificates) |
///
/// `SubjectDirectoryAttributes ::= SEQUENCE SIZE (1..MAX) OF Attribute`, each
/// `Attribute ::= SEQUENCE { type OBJECT IDENTIFIER, values SET OF ANY }`. String values
/// of any ASN.1 string type are read.
public struct SubjectDirectoryAttributes: Sendable, Hashable {
    /// The extension's OID, 2.5.29.9.
    public static let oid: ASN1ObjectIdentifier = [2, 5, 29, 9]
    /// 2.16.886.1.100.2.51: last 4 ID digits.
    public static let idLastFourOID: ASN1ObjectIdentifier = [2, 16, 886, 1, 100, 2, 51]
    /// 2.16.886.1.100.2.101: UBN.
    public static let ubnOID: ASN1ObjectIdentifier = [2, 16, 886, 1, 100, 2, 101]
    /// 2.16.886.1.100.2.102: organisation code.
    public static let organisationCodeOID: ASN1ObjectIdentifier = [2, 16, 886, 1, 100, 2, 102]

    /// Every attribute with its string values, in certificate order.
    public let attributes: [(oid: ASN1ObjectIdentifier, values: [String])]

    /// Creates the value from attributes (for building test certificates).
    public init(_ attributes: [(oid: ASN1ObjectIdentifier, values: [String])]) {
        self.attributes = attributes
    }

    /// Parses the extension's value (the DER inside the OCTET STRING).
    public init(extensionValue bytes: ArraySlice<UInt8>) throws {
        let root = try DER.parse(bytes)
        guard root.identifier == .sequence, case .constructed(let children) = root.content else {
            throw ASN1Error.unexpectedFieldType(root.identifier)
        }
        var parsed: [(oid: ASN1ObjectIdentifier, values: [String])] = []
        for attribute in children {
            guard case .constructed(let parts) = attribute.content else { throw ASN1Error.unexpectedFieldType(attribute.identifier) }
            var iterator = parts.makeIterator()
            guard let oidNode = iterator.next(), let setNode = iterator.next() else {
                throw ASN1Error.invalidASN1Object(reason: "attribute needs a type and values")
            }
            let oid = try ASN1ObjectIdentifier(derEncoded: oidNode)
            var values: [String] = []
            if case .constructed(let valueNodes) = setNode.content {
                for node in valueNodes {
                    if let text = Self.string(node) { values.append(text) }
                }
            }
            parsed.append((oid, values))
        }
        attributes = parsed
    }

    /// The first value of an attribute.
    public func value(_ oid: ASN1ObjectIdentifier) -> String? {
        attributes.first { $0.oid == oid }?.values.first
    }

    /// The DER of the extension value.
    public func serialized() throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.appendConstructedNode(identifier: .sequence) { coder in
            for attribute in attributes {
                try coder.appendConstructedNode(identifier: .sequence) { coder in
                    try coder.serialize(attribute.oid)
                    try coder.appendConstructedNode(identifier: .set) { coder in
                        for value in attribute.values {
                            if let printable = try? ASN1PrintableString(value) {
                                try coder.serialize(printable)
                            } else {
                                try coder.serialize(ASN1UTF8String(value))
                            }
                        }
                    }
                }
            }
        }
        return serializer.serializedBytes
    }

    /// Reads a node of any ASN.1 string type.
    static func string(_ node: ASN1Node) -> String? {
        switch node.identifier {
        case .utf8String: return (try? ASN1UTF8String(derEncoded: node)).map(String.init)
        case .printableString: return (try? ASN1PrintableString(derEncoded: node)).map(String.init)
        case .ia5String: return (try? ASN1IA5String(derEncoded: node)).map(String.init)
        case .visibleString: return (try? ASN1VisibleString(derEncoded: node)).map(String.init)
        case .bmpString:
            guard case .primitive(let bytes) = node.content else { return nil }
            return bmp(bytes)
        default: return nil
        }
    }

    /// UTF-16BE (BMPString) to String.
    static func bmp(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Two extensions are equal when they hold the same OIDs with the same string values, in the same order.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.attributes.map(\.oid) == rhs.attributes.map(\.oid) && lhs.attributes.map(\.values) == rhs.attributes.map(\.values)
    }

    /// Hashes every attribute's OID and values, in certificate order.
    public func hash(into hasher: inout Hasher) {
        for attribute in attributes {
            hasher.combine(attribute.oid)
            hasher.combine(attribute.values)
        }
    }
}
