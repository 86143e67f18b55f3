/// The city or county whose letter begins a national ID or resident number.
///
/// L (臺中縣), R (臺南縣), S (高雄縣) and Y (陽明山管理局) are no longer issued: their
/// areas merged into other cities. IDs with those letters are still valid.
public struct IssuingRegion: Hashable, Sendable {
    /// The letter, `A`–`Z`.
    public let letter: Character
    /// The name in Traditional Chinese (`臺北市`).
    public let name: String
    /// The name in English (`Taipei City`).
    public let nameEn: String
    /// Whether new numbers are still issued with this letter.
    public let isStillIssued: Bool

    init?(letter byte: UInt8) {
        guard byte >= 65 && byte <= 90 else { return nil }
        let entry = Self.table[Int(byte - 65)]
        self.letter = Character(Unicode.Scalar(byte))
        self.name = entry.0
        self.nameEn = entry.1
        self.isStillIssued = entry.2
    }

    /// The region for a letter.
    public init?(letter: Character) {
        guard let byte = letter.asciiValue else { return nil }
        self.init(letter: byte)
    }

    private static let table: [(String, String, Bool)] = [
        ("臺北市", "Taipei City", true),            // A
        ("臺中市", "Taichung City", true),          // B
        ("基隆市", "Keelung City", true),           // C
        ("臺南市", "Tainan City", true),            // D
        ("高雄市", "Kaohsiung City", true),         // E
        ("新北市", "New Taipei City", true),        // F
        ("宜蘭縣", "Yilan County", true),           // G
        ("桃園市", "Taoyuan City", true),           // H
        ("嘉義市", "Chiayi City", true),            // I
        ("新竹縣", "Hsinchu County", true),         // J
        ("苗栗縣", "Miaoli County", true),          // K
        ("臺中縣", "Taichung County", false),       // L
        ("南投縣", "Nantou County", true),          // M
        ("彰化縣", "Changhua County", true),        // N
        ("新竹市", "Hsinchu City", true),           // O
        ("雲林縣", "Yunlin County", true),          // P
        ("嘉義縣", "Chiayi County", true),          // Q
        ("臺南縣", "Tainan County", false),         // R
        ("高雄縣", "Kaohsiung County", false),      // S
        ("屏東縣", "Pingtung County", true),        // T
        ("花蓮縣", "Hualien County", true),         // U
        ("臺東縣", "Taitung County", true),         // V
        ("金門縣", "Kinmen County", true),          // W
        ("澎湖縣", "Penghu County", true),          // X
        ("陽明山管理局", "Yangmingshan Administration", false), // Y
        ("連江縣", "Lienchiang County", true),      // Z
    ]
}
