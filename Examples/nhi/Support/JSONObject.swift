/// A JSON value for the commands' one-object-per-line output, written with keys in the
/// order given (the keys named in an issue are a contract; order keeps output readable).
indirect enum JSONValue {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case object(JSONObject)
    case array([JSONValue])

    /// A string, or `null` for `nil`.
    static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    /// An integer, or `null` for `nil`.
    static func optional(_ number: Int?) -> JSONValue { number.map(JSONValue.int) ?? .null }

    func write(to out: ByteOutput) {
        switch self {
        case .string(let text): out.writeJSONString(text)
        case .int(let number): out.write(String(number))
        case .bool(let flag): out.write(flag ? "true" : "false")
        case .null: out.write("null")
        case .object(let object): object.write(to: out)
        case .array(let values):
            out.write(byte: 0x5B)
            for (index, value) in values.enumerated() {
                if index > 0 { out.write(byte: 0x2C) }
                value.write(to: out)
            }
            out.write(byte: 0x5D)
        }
    }
}

/// An ordered JSON object.
struct JSONObject {
    private(set) var keys: [String] = []
    private var values: [JSONValue] = []

    subscript(key: String) -> JSONValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let index = keys.firstIndex(of: key) {
                if let newValue {
                    values[index] = newValue
                } else {
                    keys.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Puts a field first (or at `index`).
    mutating func insert(_ key: String, _ value: JSONValue, at index: Int) {
        keys.insert(key, at: index)
        values.insert(value, at: index)
    }

    func write(to out: ByteOutput) {
        out.write(byte: 0x7B)
        for index in keys.indices {
            if index > 0 { out.write(byte: 0x2C) }
            out.writeJSONString(keys[index])
            out.write(byte: 0x3A)
            values[index].write(to: out)
        }
        out.write(byte: 0x7D)
    }

    /// Writes the object and a newline, then flushes (for streaming commands).
    func writeLine(to out: ByteOutput) {
        write(to: out)
        out.write(byte: 0x0A)
        out.flush()
    }
}
