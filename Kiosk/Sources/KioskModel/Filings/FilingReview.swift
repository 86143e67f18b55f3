import NHICore
import NHIService

/// What a filing will send, for the person at the counter to check before it goes: who
/// (masked), what, the effective date, the amount and grade, and for a withdrawal the
/// dependants it also transfers out (from the unit's roster as the SDK lists it). Built
/// from the request the form would send, never from guesses.
public struct FilingReview: Sendable, Hashable {
    /// Which filing.
    public enum Kind: String, Sendable, Hashable {
        case enrolment, withdrawal, salaryAdjustment, bulkAdjustment, statusChange, basicDataChange
    }

    /// One labelled value.
    public struct Line: Sendable, Hashable {
        public let label: FilingText
        public let value: FilingText
    }

    /// A person the filing names besides the main one: a dependant leaving with them, or
    /// one row of a bulk adjustment.
    public struct Person: Sendable, Hashable {
        public let name: String
        /// `A22345****`.
        public let maskedID: String
        /// A dependant's relation to the insured person.
        public let relation: DependantRelation?
        /// A bulk adjustment's amounts (before, after).
        public let change: AmountChange?

        public struct AmountChange: Sendable, Hashable {
            public let from: Money
            public let to: Money
        }

        /// `王小華 A22345****（配偶）` / `王小明 A12345****：36,300 元 → 38,200 元`.
        public func line(_ language: Language) -> String {
            var text = "\(name) \(maskedID)"
            if let relation { text += "（" + Text.form(.relation(relation)).localized(language) + "）" }
            if let change { text += "：" + Text.filing(.amountChange(from: change.from, to: change.to)).localized(language) }
            return text
        }
    }

    public let kind: Kind
    public let lines: [Line]
    /// Withdrawals: the dependants who leave with the person; bulk adjustments: every row.
    public let people: [Person]

    /// The dialog's message in `language`: every line, then the people.
    public func message(_ language: Language) -> String {
        var text = lines.map { Text.filing($0.label).localized(language) + "：" + Text.filing($0.value).localized(language) }
        if kind == .withdrawal {
            text.append(Text.filing(.reviewDependants).localized(language) + "："
                        + (people.isEmpty ? Text.filing(.reviewNone).localized(language) : ""))
            text += people.map { "  • " + $0.line(language) }
        } else if !people.isEmpty {
            text += people.map { "  • " + $0.line(language) }
        }
        text.append("")
        text.append(Text.filing(.reviewIntro).localized(language))
        return text.joined(separator: "\n")
    }
}

extension RosterLine {
    /// A dependant as a review names them.
    var reviewPerson: FilingReview.Person {
        FilingReview.Person(name: name, maskedID: personID.masked, relation: relation, change: nil)
    }
}

/// The review step every filing form shares: 送出 asks for a review (when the form is
/// complete), the review is confirmed (filed) or dropped (back to the form).
@MainActor
protocol ReviewedFiling: AnyObject {
    var review: FilingReview? { get set }
    var attempted: Bool { get set }
    /// The review of what the form would file now (nil: incomplete or invalid).
    func makeReview() -> FilingReview?
    /// Sends the filing.
    func submit() async
}

extension ReviewedFiling {
    /// Shows the review when the form is complete; otherwise only shows what is missing.
    func reviewOrShowErrors() {
        attempted = true
        review = makeReview()
    }

    /// Files what was reviewed.
    func confirmReviewed() async {
        guard review != nil else { return }
        review = nil
        await submit()
    }
}
