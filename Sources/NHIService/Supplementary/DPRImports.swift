import Crypto
import Foundation
import NHICore
import NHIFormats
import NHIGrades

/// One confirmed DPR import (補充保險費明細申報): the file, its payer and period, and what it added.
public struct DPRImportRecord: Sendable, Hashable, Codable, Identifiable {
    /// The import's number.
    public let id: Int64
    /// The file name as given.
    public let fileName: String
    /// SHA-256 (hex) of the file's bytes.
    public let fileSHA256: String
    /// The withholding unit (扣費單位) of the file.
    public let ubn: UBN
    /// The income code (所得類別).
    public let incomeCode: DPRIncomeCode
    /// The first month of the filing period.
    public let periodStart: ROCMonth
    /// The last month of the filing period.
    public let periodEnd: ROCMonth
    /// Details stored by this import.
    public let imported: Int
    /// Details of the file that were already stored (by an earlier import).
    public let duplicates: Int
    /// When it was imported.
    public let importedAt: Date
    /// Who imported it (masked, with the role).
    public let importedBy: String

    /// Creates a record.
    public init(id: Int64, fileName: String, fileSHA256: String, ubn: UBN, incomeCode: DPRIncomeCode, periodStart: ROCMonth,
                periodEnd: ROCMonth, imported: Int, duplicates: Int, importedAt: Date, importedBy: String) {
        self.id = id
        self.fileName = fileName
        self.fileSHA256 = fileSHA256
        self.ubn = ubn
        self.incomeCode = incomeCode
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.imported = imported
        self.duplicates = duplicates
        self.importedAt = importedAt
        self.importedBy = importedBy
    }
}

/// One stored DPR detail, keyed by `DPRDetailRecord/contentHash(ubn:incomeCode:)`.
public struct StoredDPRDetail: Sendable, Hashable {
    /// The content hash: the same payment filed twice has the same hash.
    public let contentHash: String
    /// The import that stored it.
    public let importID: Int64
    /// The payer (扣費單位).
    public let ubn: UBN
    /// The income code of the file.
    public let incomeCode: DPRIncomeCode
    /// The detail as read.
    public let detail: DPRDetailRecord

    /// Creates a stored detail.
    public init(contentHash: String, importID: Int64, ubn: UBN, incomeCode: DPRIncomeCode, detail: DPRDetailRecord) {
        self.contentHash = contentHash
        self.importID = importID
        self.ubn = ubn
        self.incomeCode = incomeCode
        self.detail = detail
    }
}

/// What `importDPR` did. `imported + duplicates + rejected` is the number of detail rows.
public struct DPRImportResult: Sendable, Hashable {
    /// The file name.
    public let file: String
    /// The import record, when the file was valid (also when everything was a duplicate).
    public let importID: Int64?
    /// Details stored now.
    public let imported: Int
    /// Details already stored by an earlier import: not stored again.
    public let duplicates: Int
    /// Details not stored because the file failed the format check (then every row is
    /// rejected: an import is all or nothing).
    public let rejected: Int
    /// The format check's errors (each with row, field and rule, bilingual).
    public let errors: [FormatIssue]
    /// The format check's warnings.
    public let warnings: [FormatIssue]
    /// An earlier import of exactly the same bytes, if any.
    public let previousImport: DPRImportRecord?

    /// Whether the file passed the format check.
    public var isValid: Bool { errors.isEmpty && importID != nil }
}

/// What ``NHIService/Supplementary/checkDPR(_:options:by:)`` found: the reader's report,
/// and an earlier import of the same bytes, if any. Nothing was stored.
public struct DPRCheckOutcome: Sendable, Hashable {
    /// The file name.
    public let file: String
    /// The format and premium check (errors and warnings with row, field and rule).
    public let report: DPRCheckReport
    /// An earlier import of exactly the same bytes (importing again adds nothing).
    public let previousImport: DPRImportRecord?

    /// Whether the file passed the check.
    public var isValid: Bool { report.isValid }
}

extension NHIService {
    /// Supplementary premiums withheld by payers (扣繳補充保險費明細, DPR files, SPEC §10).
    public var supplementary: Supplementary { Supplementary(core: self) }

    /// DPR imports: a format check with `DPRReader`, then an idempotent import in one
    /// transaction.
    public struct Supplementary: Sendable {
        let core: NHIService

        /// Checks a DPR file as ``importDPR(_:options:by:)`` does, storing nothing: the format
        /// and premium errors (row, field, rule), the warnings, and — for a valid file — whether
        /// `caller` may file it and whether the same bytes were imported before.
        public func checkDPR(_ input: ByteInput, options: DPRReader.Options = .init(), by caller: Caller) throws(ServiceError) -> DPRCheckOutcome {
            let (bytes, name, report) = try checked(input, options: options)
            guard report.isValid, let file = report.dprFile else {
                return DPRCheckOutcome(file: name, report: report, previousImport: nil)
            }
            let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let previous = try core.read { r in
                try authorise(r, ubn: file.unit.ubn, caller)
                return try r.dprImport(fileSHA256: sha)
            }
            return DPRCheckOutcome(file: name, report: report, previousImport: previous)
        }

        /// The file's bytes, name and the reader's report, premiums recomputed by the rules in force.
        private func checked(_ input: ByteInput, options: DPRReader.Options) throws(ServiceError) -> ([UInt8], String, DPRCheckReport) {
            let bytes: [UInt8]
            switch input {
            case .bytes(let data, _): bytes = data
            case .file(let path):
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ServiceError(.dprFileUnreadable, context: ["file": path])
                }
                bytes = Array(data)
            }
            let name = (input.name as NSString).lastPathComponent
            var options = options
            if options.fileName == nil { options.fileName = name }
            // Every detail's premium is recomputed by the rules in force on its payment date;
            // a premium that differs is an error on its row, even when the totals agree.
            let tables = core.tables
            options.expectedPremium = { detail, code in Self.expectedPremium(detail, code: code, tables: tables) }
            let report: DPRCheckReport
            do { report = try DPRReader(options).check(.bytes(bytes, name: input.name)) } catch {
                throw ServiceError(.dprFileUnreadable, wrapping: error, context: ["file": name])
            }
            return (bytes, name, report)
        }

        /// Checks a DPR file and, when it is valid, stores its details in one transaction.
        ///
        /// - Nothing is stored when any row fails the check; the result lists every error.
        /// - The import is idempotent: each detail is keyed by its content hash, so the same
        ///   file — or the same details in another file or form — never creates duplicates;
        ///   they are counted in ``DPRImportResult/duplicates``.
        public func importDPR(_ input: ByteInput, options: DPRReader.Options = .init(), by caller: Caller) throws(ServiceError) -> DPRImportResult {
            let (bytes, name, report) = try checked(input, options: options)
            guard report.isValid, let file = report.dprFile else {
                return DPRImportResult(file: name, importID: nil, imported: 0, duplicates: 0, rejected: report.detailRows,
                                       errors: report.errors, warnings: report.warnings, previousImport: nil)
            }
            let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let ubn = file.unit.ubn, code = file.unit.incomeCode
            let now = core.clock.now
            return try core.write { w in
                try authorise(w, ubn: ubn, caller)
                let previous = try w.dprImport(fileSHA256: sha)
                let hashes = file.details.map { $0.contentHash(ubn: ubn, incomeCode: code) }
                var record = DPRImportRecord(id: 0, fileName: name, fileSHA256: sha, ubn: ubn, incomeCode: code,
                                             periodStart: file.unit.periodStart, periodEnd: file.unit.periodEnd, imported: 0,
                                             duplicates: 0, importedAt: now, importedBy: caller.description)
                let id = try w.insert(record)
                let inserted = try w.insertDPRDetails(zip(hashes, file.details).map {
                    StoredDPRDetail(contentHash: $0.0, importID: id, ubn: ubn, incomeCode: code, detail: $0.1)
                })
                record = DPRImportRecord(id: id, fileName: name, fileSHA256: sha, ubn: ubn, incomeCode: code,
                                         periodStart: file.unit.periodStart, periodEnd: file.unit.periodEnd, imported: inserted,
                                         duplicates: hashes.count - inserted, importedAt: now, importedBy: caller.description)
                try w.update(record)
                // The newly stored premiums become the payer's supplementary-premium slip of
                // each payment month (繳款書), shown by bills and unpaid.
                for (month, premium) in try w.dprPremiumsByMonth(importID: id).sorted(by: { $0.key < $1.key }) where premium > .zero {
                    var bill = try w.bill(payerKey: ubn.rawValue, month: month, category: .supplementary)
                    if bill == nil {
                        let billID = try w.insert(PremiumBill(id: 0, payerKey: ubn.rawValue, month: month, category: .supplementary,
                                                              amount: .zero, dueDate: PremiumCalculator.dueDate(of: month),
                                                              issuedAt: now, paid: .zero))
                        bill = try w.bill(id: billID)
                    }
                    try w.insert(BillLine(billID: bill!.id, month: month, kind: .premium, amount: premium))
                }
                try core.record(w, caller, unit: caller.unitCode, action: "dpr.import", target: "DPR #\(id) \(ubn.rawValue)",
                                detail: "\(name) imported \(inserted) duplicates \(hashes.count - inserted) sha256 \(sha.prefix(12))")
                return DPRImportResult(file: name, importID: id, imported: inserted, duplicates: hashes.count - inserted, rejected: 0,
                                       errors: [], warnings: report.warnings, previousImport: previous)
            }
        }

        /// The import is made by the payer: staff of the insured unit whose UBN (or agent
        /// UBN) the file carries, or the service's own job. The UBN must be registered.
        func authorise(_ r: any StoreReader, ubn: UBN, _ caller: Caller) throws {
            let units = try r.units(withUBN: ubn)
            let withholding = try r.withholdingUnit(ubn)
            guard !units.isEmpty || withholding != nil else {
                throw ServiceError(.dprPayerNotRegistered, context: ["ubn": ubn.rawValue])
            }
            if caller.standing == .system { return }
            guard let code = caller.unitCode, caller.isStaff(of: code), let account = try r.unit(code),
                  account.unit.ubn == ubn || account.agentUBNs.contains(ubn) else {
                throw ServiceError(.dprNotPayer, context: ["ubn": ubn.rawValue, "caller": caller.description])
            }
        }

        /// The premium the rules give for a detail, or nil when it cannot be computed from
        /// the file alone.
        static func expectedPremium(_ detail: DPRDetailRecord, code: DPRIncomeCode, tables: GradeTables) -> Money? {
            guard let income = IncomeCode(rawValue: code.rawValue) else { return nil }
            let calculator = PremiumCalculator(tables: tables)
            let paidOn = detail.paymentDate.gregorian
            switch detail.codeFields {
            case .bonus(_, let insuredAmount, let yearToDate, _):
                let earlier = max(.zero, yearToDate - detail.amount)
                return try? calculator.supplementary(code: income, payment: detail.amount, paidOn: paidOn, insuredAmount: insuredAmount,
                                                     earlierBonusesThisYear: earlier).premium
            case .other:
                return try? calculator.supplementary(code: income, payment: detail.amount, paidOn: paidOn).premium
            }
        }

        /// The stored details of a payer, in import order.
        public func details(ubn: UBN) throws(ServiceError) -> [StoredDPRDetail] {
            try core.read { try $0.dprDetails(ubn: ubn) }
        }
    }
}
