/// A JSON value with ordered object keys, written compactly on one line. The commands build
/// their documented JSON shapes with it so that key order is stable.
indirect enum JSONValue {
    case null
    case bool(Bool)
    case int(Int64)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }
    static func optional(_ value: JSONValue?) -> JSONValue { value ?? .null }

    func write(to out: ByteOutput) {
        switch self {
        case .null: out.write("null")
        case .bool(let b): out.write(b ? "true" : "false")
        case .int(let i): out.write(String(i))
        case .string(let s): out.writeJSONString(s)
        case .array(let items):
            out.write(byte: 0x5B)
            for (index, item) in items.enumerated() {
                if index > 0 { out.write(byte: 0x2C) }
                item.write(to: out)
            }
            out.write(byte: 0x5D)
        case .object(let members):
            out.write(byte: 0x7B)
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.write(byte: 0x2C) }
                out.writeJSONString(key)
                out.write(byte: 0x3A)
                value.write(to: out)
            }
            out.write(byte: 0x7D)
        }
    }

    /// Writes the value and a newline to standard output.
    func printLine() {
        let out = ByteOutput()
        write(to: out)
        out.write(byte: 0x0A)
        out.flush()
    }
}
