/// Sex as recorded on an ID or an NHI card.
public enum Sex: String, Sendable, Hashable, Codable, CaseIterable {
    case male = "M"
    case female = "F"

    /// `男` / `女`.
    public var label: String { self == .male ? "男" : "女" }
    /// `male` / `female`.
    public var labelEn: String { self == .male ? "male" : "female" }
}
