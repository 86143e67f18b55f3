/// Dates as people type them on a command line or in a form field: Gregorian or ROC,
/// half- or full-width.
extension CalendarDate {
    /// Parses `YYYY-MM-DD` or any ROC form ``ROCDate/init(parsing:)`` takes (`1150101`,
    /// `115/01/01`, `民國115年1月1日`), after folding full-width characters and trimming.
    ///
    /// ```swift
    /// let a = try CalendarDate(parsingISOOrROC: "2026-01-01")
    /// let b = try CalendarDate(parsingISOOrROC: "１１５/０１/０１")
    /// print(a == b)    // true
    /// ```
    public init(parsingISOOrROC input: String) throws(ValidationError) {
        let text = Normalizer.text.normalize(input).value
        if text.utf8.count == 10, text.dropFirst(4).first == "-" {
            try self.init(iso: text)
        } else {
            self = try ROCDate(parsing: text).gregorian
        }
    }
}

extension ROCMonth {
    /// Parses a Gregorian month (`2025-11`) or any ROC form ``ROCMonth/init(parsing:)`` takes
    /// (`11411`, `114/11`, `民國114年11月`), after folding full-width characters and trimming.
    public init(parsingISOOrROC input: String) throws(ValidationError) {
        let text = Normalizer.text.normalize(input).value
        let parts = text.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]) {
            try self.init(year: year - 1911, month: month)
        } else {
            try self.init(parsing: text)
        }
    }
}
