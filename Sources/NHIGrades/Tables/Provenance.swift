import Foundation
import NHICore

/// Where a table or a rate comes from: the legal instrument that set it and the public
/// source its numbers were taken from, with notes on anything uncertain.
public struct Provenance: Hashable, Sendable, Codable {
    /// The legal instrument (令, 法條) that set the numbers.
    public struct Instrument: Hashable, Sendable, Codable {
        /// The issuing authority (`衛生福利部`).
        public let issuer: String
        /// The issuer in English (`Ministry of Health and Welfare`).
        public let issuerEn: String?
        /// The instrument number (`衛部保字第1140153424號令`), when known.
        public let number: String?
        /// The date the instrument was issued, when known.
        public let date: CalendarDate?
        /// The name of a statute or article (`全民健康保險法 第35條`), for rules set by law.
        public let title: String?

        /// An instrument; give the number and date when known.
        public init(issuer: String, issuerEn: String? = nil, number: String? = nil, date: CalendarDate? = nil, title: String? = nil) {
            self.issuer = issuer
            self.issuerEn = issuerEn
            self.number = number
            self.date = date
            self.title = title
        }

        /// `衛部保字第1140153424號令 (2025-12-12)`, or the issuer and title.
        public var citation: String {
            var parts = [issuer]
            if let title { parts.append(title) }
            if let number { parts.append(number) }
            if let date { parts.append("(\(date.iso))") }
            return parts.joined(separator: " ")
        }
    }

    /// The public source of the numbers: an open-data dataset, a web page, a document.
    public struct Source: Hashable, Sendable, Codable {
        /// A data.gov.tw dataset (`data.gov.tw 20251 全民健康保險投保金額分級表`).
        public let dataset: String?
        /// A URL.
        public let url: String?
        /// A document or section (`SPEC §10`).
        public let title: String?

        /// A source; at least one of the three should be given.
        public init(dataset: String? = nil, url: String? = nil, title: String? = nil) {
            self.dataset = dataset
            self.url = url
            self.title = title
        }

        /// The dataset, title and URL that are present, joined.
        public var citation: String { [dataset, title, url].compactMap { $0 }.joined(separator: " · ") }
    }

    /// The legal instrument.
    public let instrument: Instrument
    /// The source of the numbers.
    public let source: Source
    /// What is uncertain or derived, in plain words.
    public let notes: String?

    /// Provenance from its parts.
    public init(instrument: Instrument, source: Source, notes: String? = nil) {
        self.instrument = instrument
        self.source = source
        self.notes = notes
    }

    /// Whether the provenance is complete enough to ship: an issuer, a source with a dataset,
    /// URL or title, and either an instrument number/statute or notes explaining its absence.
    public var isComplete: Bool {
        func present(_ s: String?) -> Bool { !(s ?? "").trimmingCharacters(in: .whitespaces).isEmpty }
        let hasSource = present(source.dataset) || present(source.url) || present(source.title)
        let hasInstrument = present(instrument.number) || present(instrument.title) || present(notes)
        return present(instrument.issuer) && hasSource && hasInstrument
    }
}
