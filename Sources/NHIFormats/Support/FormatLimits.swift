import NHICore

/// The bounds that keep every reader's memory constant whatever its input: a hostile or
/// broken file (a gigabyte of blank lines, one endless line, random bytes) costs time, not
/// memory. With these limits `nhi` stays under 100 MB of resident memory on any input.
public enum FormatLimits {
    /// Data rows per file (batch registration files, rosters, DPR details). Each row costs a
    /// few bytes in the duplicate check; beyond this the file is an error
    /// (`file.tooManyRows`) and reading stops.
    public static let maxRows = 1_000_000
    /// Details of a DPR file kept as values (a valid file is imported all or nothing); beyond
    /// this the file is an error (`file.tooManyRows`).
    public static let maxDPRDetails = 100_000
    /// Issues reported in detail per code; the rest are only counted
    /// (``IssueList/omitted``).
    public static let issuesPerCode = 200
    /// Changes a repair lists in detail; the rest are counted
    /// (``BatchRegistrationReport/changesOmitted``).
    public static let listedChanges = 20_000
}

/// Issues in file order, in bounded memory: every issue is counted, the first
/// ``FormatLimits/issuesPerCode`` of each code are kept in detail, and the rest are only
/// counted in ``omitted``.
public struct IssueList: Sendable, Hashable {
    /// The issues kept, in the order added.
    public private(set) var issues: [FormatIssue] = []
    /// Per code, how many more issues there were than ``issues`` holds.
    public private(set) var omitted: [FormatError.Code: Int] = [:]
    /// Every issue added, kept or not.
    public private(set) var total = 0
    private var kept: [FormatError.Code: Int] = [:]
    /// The most issues kept per code.
    public let limit: Int

    /// An empty list.
    public init(limit: Int = FormatLimits.issuesPerCode) {
        self.limit = max(1, limit)
    }

    /// Adds an issue (kept when its code has fewer than ``limit`` kept so far).
    public mutating func append(_ issue: FormatIssue) {
        total += 1
        let count = kept[issue.code, default: 0]
        if count < limit {
            kept[issue.code] = count + 1
            issues.append(issue)
        } else {
            omitted[issue.code, default: 0] += 1
        }
    }

    /// Adds issues.
    public mutating func append(contentsOf more: some Sequence<FormatIssue>) {
        for issue in more { append(issue) }
    }

    /// How many issues were only counted.
    public var omittedCount: Int { total - issues.count }
    /// Whether nothing was added.
    public var isEmpty: Bool { total == 0 }

    /// The issues kept, sorted by row and column (file-level first), stably.
    public var ordered: [FormatIssue] {
        issues.enumerated().sorted { ($0.element.row, $0.element.column, $0.offset) < ($1.element.row, $1.element.column, $1.offset) }.map(\.element)
    }
}
