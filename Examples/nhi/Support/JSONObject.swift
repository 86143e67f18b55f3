/// An ordered JSON object under construction: fields are set by key (a key set twice
/// keeps its first position), then written as a ``JSONValue`` object on one line.
struct JSONObject {
    private(set) var fields: [(String, JSONValue)] = []

    subscript(key: String) -> JSONValue? {
        get { fields.first { $0.0 == key }?.1 }
        set {
            if let index = fields.firstIndex(where: { $0.0 == key }) {
                if let newValue { fields[index].1 = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((key, newValue))
            }
        }
    }

    /// Puts a field at `index`.
    mutating func insert(_ key: String, _ value: JSONValue, at index: Int) {
        fields.insert((key, value), at: index)
    }

    /// The object as a value.
    var value: JSONValue { .object(fields) }

    /// Writes the object and a newline, then flushes (for streaming commands).
    func writeLine(to out: ByteOutput) {
        value.write(to: out)
        out.write(byte: 0x0A)
        out.flush()
    }
}

extension JSONValue {
    /// A string, or `null`.
    static func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// A number, or `null`.
    static func number(_ value: Int?) -> JSONValue { value.map { JSONValue.int($0) } ?? .null }
}
