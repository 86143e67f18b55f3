/// Sex as recorded on an ID or an NHI card.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    /// 男: `1` as the second character of a national ID, `8` in a new resident number, `M` on an NHI card.
    case male = "M"
    /// 女: `2` as the second character of a national ID, `9` in a new resident number, `F` on an NHI card.
    case female = "F"

    /// `男` / `女`.
    public var label: String { self == .male ? "男" : "女" }
    /// `male` / `female`.
    public var labelEn: String { self == .male ? "male" : "female" }
}
