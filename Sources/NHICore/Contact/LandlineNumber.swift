/// A Taiwanese landline number: area code (with trunk 0), subscriber number and an
/// optional extension. Printed in the seeds' form `03-1234567#123`.
///
/// ``init(parsing:)`` accepts `03-1234567#123`, `(02)2345-6789`, `02 2345 6789 ext 123`,
/// `0227065866`, `+886-2-2345-6789`, `02-2345-6789 分機 123`, `02-23456789轉123`. The
/// subscriber length must fit the area code (SPEC §11): 02 eight digits; 03, 05, 06, 07,
/// 08, 049 seven; 04 eight (Taichung) or seven (Changhua); 037, 082, 089 six; 0826, 0836
/// five. Without a separator the longest fitting area code is taken.
public struct LandlineNumber: NHIIdentifier {
    /// An area code and the subscriber lengths it allows.
    public struct AreaCode: Hashable, Sendable {
        /// With trunk prefix: `02`, `037`, `0836`.
        public let code: String
        /// How many digits the subscriber number may have after this area code (`04` allows 7 and 8).
        public let subscriberLengths: Set<Int>
        /// The area, in Traditional Chinese.
        public let area: String
        /// The area, in English.
        public let areaEn: String

        /// The area codes, longest first.
        public static let all: [AreaCode] = [
            AreaCode(code: "0826", subscriberLengths: [5], area: "烏坵", areaEn: "Wuqiu"),
            AreaCode(code: "0836", subscriberLengths: [5], area: "馬祖", areaEn: "Matsu"),
            AreaCode(code: "037", subscriberLengths: [6], area: "苗栗", areaEn: "Miaoli"),
            AreaCode(code: "049", subscriberLengths: [7], area: "南投", areaEn: "Nantou"),
            AreaCode(code: "082", subscriberLengths: [6], area: "金門", areaEn: "Kinmen"),
            AreaCode(code: "089", subscriberLengths: [6], area: "臺東", areaEn: "Taitung"),
            AreaCode(code: "02", subscriberLengths: [8], area: "臺北、新北、基隆", areaEn: "Taipei, New Taipei, Keelung"),
            AreaCode(code: "03", subscriberLengths: [7], area: "桃園、新竹、宜蘭、花蓮", areaEn: "Taoyuan, Hsinchu, Yilan, Hualien"),
            AreaCode(code: "04", subscriberLengths: [7, 8], area: "臺中、彰化", areaEn: "Taichung, Changhua"),
            AreaCode(code: "05", subscriberLengths: [7], area: "嘉義、雲林", areaEn: "Chiayi, Yunlin"),
            AreaCode(code: "06", subscriberLengths: [7], area: "臺南、澎湖", areaEn: "Tainan, Penghu"),
            AreaCode(code: "07", subscriberLengths: [7], area: "高雄", areaEn: "Kaohsiung"),
            AreaCode(code: "08", subscriberLengths: [7], area: "屏東", areaEn: "Pingtung"),
        ]

        static func named(_ code: String) -> AreaCode? { all.first { $0.code == code } }
    }

    /// The area code with trunk prefix (`03`).
    public let areaCode: AreaCode
    /// The subscriber number (`1234567`).
    public let subscriber: String
    /// The extension, digits only (`123`), if any.
    public let `extension`: String?

    /// `03-1234567#123`.
    public var rawValue: String { areaCode.code + "-" + subscriber + (`extension`.map { "#" + $0 } ?? "") }

    /// Parses the written forms listed above into area code, subscriber number and extension. Throws
    /// `landline.format` (not understood), `landline.areaCode` (no area code, or an unknown one), `landline.length`
    /// (the subscriber number does not fit the area code) or `landline.extension` (not 1–6 digits).
    public init(parsing input: String) throws(ValidationError) {
        func fail(_ code: ValidationError.Code) -> ValidationError { ValidationError.make(code, .landline, input: input) }

        // 1. Split off the extension.
        var main = Substring(input)
        var ext: Substring?
        for marker in ["#", "分機", "轉", "ext.", "ext", "EXT.", "EXT", "Ext.", "Ext", "x", "X"] {
            if let range = main.range(of: marker) {
                let before = main[..<range.lowerBound]
                // `x` only counts after the number, never inside it.
                if (marker == "x" || marker == "X") && !before.contains(where: { $0.isNumber }) { continue }
                ext = main[range.upperBound...]
                main = before
                break
            }
        }
        var extDigits: String?
        if let ext {
            let trimmed = ext.filter { $0 != " " && $0 != "." && $0 != ":" }
            guard (1...6).contains(trimmed.count), trimmed.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw fail(.landlineExtension)
            }
            extDigits = trimmed
        }

        // 2. Country code and explicit area code.
        var text = String(main).trimmingSpaces()
        if text.hasPrefix("+886") { text = "0" + String(text.dropFirst(4)).trimmingLeading(["-", " ", "(", "0", ")"]) }
        var explicitArea: String?
        if text.hasPrefix("("), let close = text.firstIndex(of: ")") {
            explicitArea = String(text[text.index(after: text.startIndex)..<close]).trimmingSpaces()
            text = String(text[text.index(after: close)...])
        } else if let sep = text.firstIndex(where: { $0 == "-" || $0 == " " }) {
            let head = String(text[..<sep])
            if AreaCode.named(head) != nil {
                explicitArea = head
                text = String(text[text.index(after: sep)...])
            }
        }
        var digits = ""
        for c in text {
            if c.isASCII && c.isNumber { digits.append(c) }
            else if c == "-" || c == " " || c == "." { continue }
            else { throw fail(.landlineFormat) }
        }

        // 3. Area code and subscriber length.
        if let explicitArea {
            guard let area = AreaCode.named(explicitArea) else { throw fail(.landlineAreaCode) }
            guard area.subscriberLengths.contains(digits.count), digits.first != "0" else { throw fail(.landlineLength) }
            self.areaCode = area
            self.subscriber = digits
        } else {
            guard digits.hasPrefix("0") else { throw fail(.landlineAreaCode) }
            if digits.hasPrefix("09") { throw fail(.landlineAreaCode) }
            let candidates = AreaCode.all.filter { digits.hasPrefix($0.code) }
            guard !candidates.isEmpty else { throw fail(.landlineAreaCode) }
            guard let area = candidates.first(where: {
                let rest = digits.dropFirst($0.code.count)
                return $0.subscriberLengths.contains(rest.count) && rest.first != "0"
            }) else { throw fail(.landlineLength) }
            self.areaCode = area
            self.subscriber = String(digits.dropFirst(area.code.count))
        }
        self.extension = extDigits
    }

    /// Two numbers are equal when their canonical forms (`03-1234567#123`) are equal.
    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rawValue == rhs.rawValue }
    /// Hashes the canonical form, consistent with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
}

extension String {
    func trimmingSpaces() -> String { Normalizer.trimmed(self) }
    func trimmingLeading(_ characters: Set<Character>) -> String { String(drop { characters.contains($0) }) }
}
