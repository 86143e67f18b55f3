/// Encodes any `Encodable` into a ``JSONValue`` whose object keys keep the order in which
/// the type's `encode(to:)` wrote them, so the SDK's `Codable` results print with the
/// documented, stable key order (Foundation's `JSONEncoder` only offers sorted keys).
extension JSONValue {
    init(encoding value: some Encodable) throws {
        let encoder = OrderedEncoder()
        try value.encode(to: encoder)
        self = encoder.box.value ?? .null
    }
}

/// A mutable slot a container writes into.
private final class Box {
    var value: JSONValue?
    init(_ value: JSONValue? = nil) { self.value = value }
}

/// A value being built: either a finished value or a container still filling up.
private final class Node {
    enum Kind { case value(JSONValue), object([(String, Node)]), array([Node]) }
    var kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    var json: JSONValue {
        switch kind {
        case .value(let v): v
        case .object(let members): .object(members.map { ($0.0, $0.1.json) })
        case .array(let items): .array(items.map(\.json))
        }
    }
}

private final class OrderedEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    let node: Node
    var box: Box { Box(node.json) }

    init(node: Node = Node(.value(.null))) { self.node = node }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = node.kind {} else { node.kind = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = node.kind {} else { node.kind = .array([]) }
        return UnkeyedContainer(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(node: node, codingPath: codingPath) }

    static func encode(_ value: some Encodable, codingPath: [any CodingKey]) throws -> Node {
        let node = Node(.value(.null))
        switch value {
        case let string as String: node.kind = .value(.string(string))
        case let bool as Bool: node.kind = .value(.bool(bool))
        case let int as Int: node.kind = .value(.int(int))
        case let int as Int64: node.kind = .value(.int(int))
        default:
            let encoder = OrderedEncoder(node: node)
            encoder.codingPath = codingPath
            try value.encode(to: encoder)
        }
        return node
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: Node
    var codingPath: [any CodingKey]

    private func set(_ key: Key, _ child: Node) {
        guard case .object(var members) = node.kind else { return }
        if let index = members.firstIndex(where: { $0.0 == key.stringValue }) { members[index].1 = child } else {
            members.append((key.stringValue, child))
        }
        node.kind = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, Node(.value(.null))) }
    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        set(key, try OrderedEncoder.encode(value, codingPath: codingPath + [key]))
    }
    mutating func encodeIfPresent(_ value: (some Encodable)?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = Node(.object([]))
        set(key, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = Node(.array([]))
        set(key, child)
        return UnkeyedContainer(node: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> any Encoder { OrderedEncoder(node: node) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = Node(.value(.null))
        set(key, child)
        return OrderedEncoder(node: child)
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { String(intValue ?? 0) }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = node.kind { items.count } else { 0 }
    }

    private func append(_ child: Node) {
        guard case .array(var items) = node.kind else { return }
        items.append(child)
        node.kind = .array(items)
    }

    mutating func encodeNil() throws { append(Node(.value(.null))) }
    mutating func encode(_ value: some Encodable) throws {
        append(try OrderedEncoder.encode(value, codingPath: codingPath + [IndexKey(count)]))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = Node(.object([]))
        append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, codingPath: codingPath))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = Node(.array([]))
        append(child)
        return UnkeyedContainer(node: child, codingPath: codingPath)
    }
    mutating func superEncoder() -> any Encoder {
        let child = Node(.value(.null))
        append(child)
        return OrderedEncoder(node: child)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let node: Node
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.kind = .value(.null) }
    mutating func encode(_ value: Bool) throws { node.kind = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { node.kind = .value(.string(value)) }
    mutating func encode(_ value: Int) throws { node.kind = .value(.int(value)) }
    mutating func encode(_ value: Int64) throws { node.kind = .value(.int(value)) }
    mutating func encode(_ value: Int32) throws { node.kind = .value(.int(Int64(value))) }
    mutating func encode(_ value: UInt32) throws { node.kind = .value(.int(Int64(value))) }
    mutating func encode(_ value: Double) throws { node.kind = .value(.string(String(value))) }
    mutating func encode(_ value: some Encodable) throws {
        let child = try OrderedEncoder.encode(value, codingPath: codingPath)
        node.kind = child.kind
    }
}
