import NHICore

/// A value that took effect on a date, with its provenance.
public struct Dated<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The first day the value applies.
    public let effectiveFrom: CalendarDate
    /// The value.
    public let value: Value
    /// Where the value comes from.
    public let provenance: Provenance
    /// The file it was read from.
    public let file: String

    /// A value in force from `effectiveFrom`, read from `file`.
    public init(effectiveFrom: CalendarDate, value: Value, provenance: Provenance, file: String = "") {
        self.effectiveFrom = effectiveFrom
        self.value = value
        self.provenance = provenance
        self.file = file
    }
}

/// The history of one value (a rate, a threshold set, the minimum wage): each entry is in
/// force from its date until the next entry's date.
public struct DatedSeries<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The series name (`nhi.premium`).
    public let name: String
    /// The entries, by effective date.
    public let entries: [Dated<Value>]

    /// Creates a series; entries are sorted by date and two entries on the same date are
    /// refused (`table.overlap`), as are entries without provenance (`table.provenance`).
    public init(name: String, entries: [Dated<Value>]) throws(GradeError) {
        let sorted = entries.sorted { $0.effectiveFrom < $1.effectiveFrom }
        for (index, entry) in sorted.enumerated() {
            guard entry.provenance.isComplete else { throw GradeError(.tableProvenance, file: entry.file, row: index + 1, input: name) }
            if index > 0, sorted[index - 1].effectiveFrom == entry.effectiveFrom {
                throw GradeError(.tableOverlap, file: entry.file, input: "\(name) \(entry.effectiveFrom.iso) (\(sorted[index - 1].file))")
            }
        }
        self.name = name
        self.entries = sorted
    }

    /// The entry in force on `date`; `rate.notInForce` before the first entry.
    public func entry(on date: CalendarDate) throws(GradeError) -> Dated<Value> {
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) >> 1
            if entries[mid].effectiveFrom <= date { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else {
            throw GradeError(.rateNotInForce, field: "date", input: "\(name) \(date.iso)",
                             detail: entries.first.map { ("最早自 \($0.effectiveFrom.iso)", "earliest \($0.effectiveFrom.iso)") })
        }
        return entries[low - 1]
    }

    /// The value in force on `date`.
    public func value(on date: CalendarDate) throws(GradeError) -> Value { try entry(on: date).value }

    /// This series with `other`'s entries added (for tables dropped in by an integrator).
    func merged(with other: DatedSeries<Value>) throws(GradeError) -> DatedSeries<Value> {
        try DatedSeries(name: name, entries: entries + other.entries)
    }
}
