import Foundation
import NHICore

/// The JSON shapes of the files under `Resources/Tables` (and of files an integrator drops
/// into an extra tables directory). Every file has a `kind`:
///
/// - `nhi`, `labour`, `accident`, `pension`: one grade table (``GradeTableFile``);
/// - `rate`: the history of one rate (``RateFile``);
/// - `minimumWage`, `shares`, `supplementaryRules`, `lateFeeRules`: dated rules.
///
/// Entries and tables carry `instrument` (issuer, number, date or statute title), `source`
/// (dataset, URL or document) and optional `notes`.
enum TableFiles {
    struct Header: Decodable { let kind: String }

    struct Row: Decodable {
        let grade: Int
        let amount: Int64
    }

    struct GradeTableFile: Decodable {
        let kind: String
        let effectiveFrom: CalendarDate
        let title: String
        let titleEn: String
        let instrument: Provenance.Instrument
        let source: Provenance.Source
        let notes: String?
        let grades: [Row]
        let partTimeGrades: [Row]?
    }

    struct Entry<Fields: Decodable>: Decodable {
        let effectiveFrom: CalendarDate
        let instrument: Provenance.Instrument
        let source: Provenance.Source
        let notes: String?
        let fields: Fields

        enum CodingKeys: String, CodingKey { case effectiveFrom, instrument, source, notes }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            effectiveFrom = try container.decode(CalendarDate.self, forKey: .effectiveFrom)
            instrument = try container.decode(Provenance.Instrument.self, forKey: .instrument)
            source = try container.decode(Provenance.Source.self, forKey: .source)
            notes = try container.decodeIfPresent(String.self, forKey: .notes)
            fields = try Fields(from: decoder)
        }

        var provenance: Provenance { Provenance(instrument: instrument, source: source, notes: notes) }
    }

    struct EntriesFile<Fields: Decodable>: Decodable {
        let entries: [Entry<Fields>]
    }

    struct RateFile: Decodable {
        let series: String
        let entries: [Entry<RateFields>]
    }

    struct RateFields: Decodable { let value: String }

    struct MinimumWageFields: Decodable {
        let monthly: Int64
        let hourly: Int64?
    }

    struct SharesFile: Decodable {
        let scheme: String
        let entries: [Entry<SharesFields>]
    }

    struct ShareTriple: Decodable {
        let insured: String
        let unit: String
        let government: String
    }

    struct SharesFields: Decodable { let shares: [String: ShareTriple] }

    struct SupplementaryFields: Decodable {
        let bonusMultiple: Int64
        let singlePaymentThreshold: Int64
        let perPaymentCap: Int64
    }

    struct LateFeeFields: Decodable {
        let graceDays: Int
        let dailyRate: String
        let capUnits: String
        let capIndividuals: String
    }

    /// Decodes `T`, turning a decoding failure into `table.malformed` naming the JSON path.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(GradeError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw GradeError(.tableMalformed, file: file, detail: describe(error))
        } catch {
            throw GradeError(.tableMalformed, file: file, detail: ("\(error)", "\(error)"))
        }
    }

    private static func describe(_ error: DecodingError) -> (zh: String, en: String) {
        func path(_ context: DecodingError.Context) -> String {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.isEmpty ? "(root)" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ("缺少欄位 \(key.stringValue) 於 \(path(context))", "missing key \(key.stringValue) at \(path(context))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return ("欄位型別錯誤 \(path(context))", "wrong type at \(path(context))")
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { " \($0)" } ?? ""
            return ("資料錯誤 \(path(context))\(underlying)", "invalid data at \(path(context))\(underlying)")
        @unknown default:
            return ("\(error)", "\(error)")
        }
    }
}
