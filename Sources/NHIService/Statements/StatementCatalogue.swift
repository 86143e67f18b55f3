import Foundation
import NHICore
import NHIFormats
import NHIGrades

/// The statements of the NHI's 各類明細表申請及下載 (seed 001): what each one is, and whether
/// the store can produce it.
///
/// The NHI's media-file layouts (c5, d5, e5, p5, b5) are not public. The statements the
/// store can compute are produced as a table of our own documented columns, written as an
/// Excel-safe CSV or as JSON; the media forms (2, W0) carry the same table. The two whose
/// contents come from other agencies' systems (8, 9) are listed with the reason and cannot
/// be requested.
public enum StatementKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// 1 保費計算明細表報表檔(f5).
    case premiumDetail = "1"
    /// 1.1 保費計算明細表報表檔_ID隱碼: IDs masked.
    case premiumDetailMasked = "1.1"
    /// 2 保費計算明細表媒體檔(c5).
    case premiumDetailMedia = "2"
    /// 3 保費計算明細表excel檔(csv).
    case premiumDetailCSV = "3"
    /// 4 更正調整明細表: adjustments to earlier months on the month's bill.
    case corrections = "4"
    /// 5 異動暨減免清冊(d5): the filings converted for the month.
    case changes = "5"
    /// 6 投保單位在保保險對象名冊(e5): the in-force roster as of yesterday.
    case roster = "6"
    /// 8 人事行政局所需匯入之健保檔案(p5).
    case personnelAdministrationFile = "8"
    /// 9 媒體申報系統所需匯入之健保檔案(b5).
    case mediaFilingFile = "9"
    /// G1 投保金額總額明細表: employees' insured amounts and their total, by month.
    case insuredAmountTotals = "G1"
    /// W0 第一類投保單位員工健保費計算彙總表媒體檔.
    case annualSummaryMedia = "W0"
    /// W1 第一類投保單位員工健保費計算彙總表報表檔: each employee's premiums of a year (for income tax).
    case annualSummaryReport = "W1"
    /// W2 第一類投保單位員工健保費計算彙總表excel檔(csv).
    case annualSummaryCSV = "W2"
    /// J1 投保金額級距表: the grade table with the premium of each grade.
    case gradeTable = "J1"

    /// The seed's name.
    public var title: String {
        switch self {
        case .premiumDetail: "保費計算明細表報表檔(f5)"
        case .premiumDetailMasked: "保費計算明細表報表檔_ID隱碼"
        case .premiumDetailMedia: "保費計算明細表媒體檔(c5)"
        case .premiumDetailCSV: "保費計算明細表excel檔(csv)"
        case .corrections: "更正調整明細表"
        case .changes: "異動暨減免清冊(d5)"
        case .roster: "投保單位在保保險對象名冊(e5)"
        case .personnelAdministrationFile: "人事行政局所需匯入之健保檔案(p5)"
        case .mediaFilingFile: "媒體申報系統所需匯入之健保檔案(b5)"
        case .insuredAmountTotals: "投保金額總額明細表(G1)"
        case .annualSummaryMedia: "第一類投保單位員工健保費計算彙總表媒體檔"
        case .annualSummaryReport: "第一類投保單位員工健保費計算彙總表報表檔"
        case .annualSummaryCSV: "第一類投保單位員工健保費計算彙總表excel檔(csv)"
        case .gradeTable: "投保金額級距表"
        }
    }

    /// The name in English.
    public var titleEn: String {
        switch self {
        case .premiumDetail: "Premium calculation detail (report)"
        case .premiumDetailMasked: "Premium calculation detail (report, IDs masked)"
        case .premiumDetailMedia: "Premium calculation detail (media file)"
        case .premiumDetailCSV: "Premium calculation detail (Excel CSV)"
        case .corrections: "Corrections and adjustments"
        case .changes: "Changes of the month"
        case .roster: "In-force roster"
        case .personnelAdministrationFile: "File for the Directorate-General of Personnel Administration"
        case .mediaFilingFile: "File for the NHI media filing program"
        case .insuredAmountTotals: "Employees' insured-amount totals (G1)"
        case .annualSummaryMedia: "Employees' annual premium summary (media file)"
        case .annualSummaryReport: "Employees' annual premium summary (report)"
        case .annualSummaryCSV: "Employees' annual premium summary (Excel CSV)"
        case .gradeTable: "Insured-amount grade table"
        }
    }

    /// Why the store cannot produce this statement, if it cannot (zh-Hant, English).
    public var unavailableReason: (zh: String, en: String)? {
        switch self {
        case .personnelAdministrationFile:
            ("此檔為人事行政總處系統匯入用，版面未公開，且內容取自該系統，本系統無此資料",
             "the layout is not public and its contents come from the personnel administration's own system, which this store does not hold")
        case .mediaFilingFile:
            ("此檔為健保署媒體申報軟體匯入用，版面未公開，本系統無法產生",
             "the layout of the NHI media-filing program's import file is not public, so the store cannot produce it")
        default: nil
        }
    }

    /// Whether a request covers a range of months (G1) or a year (W0–W2) rather than one month.
    public var coversRange: Bool { self == .insuredAmountTotals }
}

/// The life cycle of a statement request: 申請 → 尚未產生 → 可下載.
public enum StatementStatus: String, Sendable, Hashable, Codable {
    /// 尚未產生: requested; produced by the next statement run (after the nightly conversion).
    case pending
    /// 可下載: produced and ready to download.
    case ready

    /// The seed's label.
    public var label: String { self == .pending ? "尚未產生" : "可下載" }
}

/// A request for a statement (各類明細表申請).
public struct StatementRequest: Sendable, Hashable, Codable, Identifiable {
    /// The request's number in the store, used to download the statement.
    public let id: Int64
    /// The insured unit (投保單位代號) the statement is for.
    public let unitCode: UnitCode
    /// Which statement (明細表): `1` premium calculation, `6` roster, `G1` insured-amount totals, ….
    public let kind: StatementKind
    /// The (first) month asked for; for W0–W2 any month of the year.
    public let month: ROCMonth
    /// The last month, for a range (G1).
    public let through: ROCMonth?
    /// When the statement was requested.
    public let requestedAt: Date
    /// Who asked (masked, with the role).
    public let requestedBy: String
    /// 尚未產生 (pending) or 可下載 (ready).
    public var status: StatementStatus
    /// When the statement run produced it; `nil` while pending.
    public var generatedAt: Date?

    /// Creates a request record from its parts, as the store keeps it.
    public init(id: Int64, unitCode: UnitCode, kind: StatementKind, month: ROCMonth, through: ROCMonth?, requestedAt: Date,
                requestedBy: String, status: StatementStatus, generatedAt: Date?) {
        self.id = id
        self.unitCode = unitCode
        self.kind = kind
        self.month = month
        self.through = through
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
        self.status = status
        self.generatedAt = generatedAt
    }
}

/// A produced statement: columns and rows of text, the same for CSV and JSON.
public struct StatementTable: Sendable, Hashable, Codable {
    /// Which statement this is.
    public let kind: StatementKind
    /// The statement's title in Traditional Chinese (the ``StatementKind``'s title).
    public let title: String
    /// The statement's title in English.
    public let titleEn: String
    /// The insured unit (投保單位代號) the statement is for.
    public let unitCode: UnitCode
    /// The (first) month the statement covers, `yyyMM`.
    public let month: ROCMonth
    /// The last month, for a range (G1); `nil` for one month.
    public let through: ROCMonth?
    /// The column headings, in the statement's own documented layout.
    public let columns: [String]
    /// The rows, one cell of text per column.
    public let rows: [[String]]
    /// Columns holding whole numbers (written as numbers, never formula-guarded).
    public let numericColumns: Set<Int>

    /// Creates a statement; the titles come from `kind`.
    /// - Parameters:
    ///   - kind: Which statement.
    ///   - unitCode: The unit it is for.
    ///   - month: The (first) month it covers.
    ///   - through: The last month of a range, or `nil`.
    ///   - columns: The column headings.
    ///   - rows: The rows, one cell per column.
    ///   - numericColumns: The indexes of columns that hold whole numbers.
    public init(kind: StatementKind, unitCode: UnitCode, month: ROCMonth, through: ROCMonth?, columns: [String], rows: [[String]],
                numericColumns: Set<Int>) {
        self.kind = kind
        self.title = kind.title
        self.titleEn = kind.titleEn
        self.unitCode = unitCode
        self.month = month
        self.through = through
        self.columns = columns
        self.rows = rows
        self.numericColumns = numericColumns
    }

    /// The statement as an Excel-safe CSV (UTF-8 with a byte-order mark, CRLF): a text cell
    /// that Excel would read as a formula gets a leading `'`.
    public func csv() throws(FormatError) -> [UInt8] {
        let writer = try CSVWriter(.memory, options: CSVWriteOptions(encoding: .utf8, byteOrderMark: true, protectFormulas: true,
                                                                     numericColumns: numericColumns))
        try writer.write(columns)
        for row in rows { try writer.write(row) }
        return try writer.finish()
    }
}

extension NHIService {
    /// The statement catalogue (各類明細表申請及下載): request, produce, download.
    public struct Statements: Sendable {
        let core: NHIService

        /// Every statement of the seed's list, with whether it can be requested.
        public var catalogue: [StatementKind] { StatementKind.allCases }

        /// Requests a statement for a month (G1: a range of months; W0–W2: the month's year).
        /// It is produced by the next statement run (``generatePending()``), which the
        /// nightly conversion's caller runs after it.
        @discardableResult
        public func request(_ kind: StatementKind, month: ROCMonth, through: ROCMonth? = nil,
                            by caller: Caller) throws(ServiceError) -> StatementRequest {
            guard let unit = caller.unitCode else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            try core.authorise(.statements, caller, unit: unit)
            if let reason = kind.unavailableReason {
                throw ServiceError(.statementUnavailable, context: ["kind": kind.rawValue], detail: reason)
            }
            if let through, through < month || !kind.coversRange {
                throw ServiceError(.statementRange, context: ["month": month.compact, "through": through.compact])
            }
            let now = core.clock.now
            return try core.write { w in
                let id = try w.insert(StatementRequest(id: 0, unitCode: unit, kind: kind, month: month, through: through,
                                                       requestedAt: now, requestedBy: caller.description, status: .pending,
                                                       generatedAt: nil))
                try core.record(w, caller, unit: unit, action: "statement.request", target: kind.rawValue,
                                detail: "#\(id) \(month.compact)\(through.map { "–\($0.compact)" } ?? "")")
                guard let stored = try w.statementRequest(id: id) else { throw ServiceError(.storeFailure) }
                return stored
            }
        }

        /// The unit's requests, newest first, with their status (尚未產生 / 可下載).
        public func requests(unit: UnitCode, by caller: Caller) throws(ServiceError) -> [StatementRequest] {
            guard caller.isStaff(of: unit) else { throw ServiceError(.notAuthorised, context: ["caller": caller.description]) }
            return try core.read { try $0.statementRequests(unit: unit) }
        }

        /// Produces every pending statement from the data the store holds now (the
        /// statement run). One transaction; returns how many were produced.
        @discardableResult
        public func generatePending() throws(ServiceError) -> Int {
            let now = core.clock.now
            return try core.write { w in
                var count = 0
                for var request in try w.statementRequests(status: .pending) {
                    let table = try produce(w, request)
                    request.status = .ready
                    request.generatedAt = now
                    try w.update(request, content: table)
                    count += 1
                }
                if count > 0 { try core.record(w, .system, unit: nil, action: "statement.generate", target: "\(count) statements") }
                return count
            }
        }

        /// A produced statement (下載). Not before it is ready.
        public func download(_ id: Int64, by caller: Caller) throws(ServiceError) -> StatementTable {
            try core.write { w in
                guard let request = try w.statementRequest(id: id), caller.isStaff(of: request.unitCode) else {
                    throw ServiceError(.statementNotFound, context: ["id": String(id)])
                }
                guard request.status == .ready, let table = try w.statementContent(id: id) else {
                    throw ServiceError(.statementNotReady, context: ["id": String(id)])
                }
                try core.record(w, caller, unit: request.unitCode, action: "statement.download", target: request.kind.rawValue, detail: "#\(id)")
                return table
            }
        }

        // MARK: Producing

        func produce(_ r: any StoreReader, _ request: StatementRequest) throws -> StatementTable {
            let unit = request.unitCode, month = request.month
            func table(_ columns: [String], _ rows: [[String]], numeric: Set<Int>) -> StatementTable {
                StatementTable(kind: request.kind, unitCode: unit, month: month, through: request.through, columns: columns, rows: rows,
                               numericColumns: numeric)
            }
            switch request.kind {
            case .premiumDetail, .premiumDetailMasked, .premiumDetailMedia, .premiumDetailCSV:
                let detail = try core.premiums.detail(r, unit: unit, month: month)
                let masked = request.kind == .premiumDetailMasked
                var rows = detail.lines.map { l in
                    [masked ? l.personID.masked : l.personID.rawValue, l.name, l.category.rawValue, String(l.insuredAmount.amount),
                     String(l.dependants), String(l.insuredShare.amount), String(l.unitShare.amount), String(l.governmentShare.amount),
                     l.note ?? ""]
                }
                rows += detail.unbillable.map { u in
                    [masked ? u.personID.masked : u.personID.rawValue, u.name, "", String(u.insuredAmount.amount), "", "", "", "",
                     "無法計算 \(u.code): \(u.message)"]
                }
                rows.append(["合計", "", "", "", "", String(detail.totalInsured.amount), String(detail.totalUnit.amount),
                             String(detail.totalGovernment.amount), "應繳 \(detail.amountDue.amount)"])
                return table(["身分證號", "姓名", "身分別", "投保金額", "眷口數", "個人負擔", "單位負擔", "政府補助", "備註"], rows,
                             numeric: [3, 4, 5, 6, 7])
            case .corrections:
                var rows: [[String]] = []
                if let bill = try r.bill(payerKey: unit.rawValue, month: month, category: .general) {
                    for line in try r.billLines(bill: bill.id) where line.kind == .adjustment {
                        rows.append([month.compact, line.month.compact, String(line.amount.amount)])
                    }
                }
                return table(["計費年月", "調整所屬年月", "調整金額"], rows, numeric: [2])
            case .changes:
                let filings = try r.filings(unit: unit, filedFrom: month.firstDay, through: month.lastDay, staffID: nil)
                    .filter { $0.status == .accepted || $0.status == .rejected }
                let rows = filings.map { f in
                    [f.kind.label, f.family.label, f.personID.rawValue, f.name, f.effectiveDate.rocSlashed, f.insuredAmount.map { String($0.amount) } ?? "",
                     f.adjustedAmount.map { String($0.amount) } ?? "", f.checkCode ?? ""]
                }
                return table(["異動別", "作業別", "身分證號", "姓名", "生效日", "投保金額", "調整後金額", "檢核結果"], rows, numeric: [5, 6])
            case .roster:
                let yesterday = CalendarDate.today(at: core.clock.now).adding(days: -1)
                let rows = try r.roster(unit: unit, on: yesterday).map { l in
                    [l.personID.rawValue, l.name, l.isDependant ? "眷屬" : "本人", l.principalID?.rawValue ?? "", l.relation?.label ?? "",
                     String(l.insuredAmount.amount), l.startDate.rocSlashed, l.status.label]
                }
                return table(["身分證號", "姓名", "身份", "被保險人身分證號", "稱謂", "投保金額", "加保日", "狀態"], rows, numeric: [5])
            case .insuredAmountTotals:
                var rows: [[String]] = []
                var m = month
                let last = request.through ?? month
                while m <= last {
                    var total = Money.zero
                    for c in try r.coverages(unit: unit, inForceOn: m.lastDay) where !c.isDependant && c.category == .employee {
                        let name = try r.person(c.personID)?.name.value ?? ""
                        rows.append([m.compact, c.personID.rawValue, name, String(c.insuredAmount.amount)])
                        total += c.insuredAmount
                    }
                    rows.append([m.compact, "合計", "", String(total.amount)])
                    m = m.adding(months: 1)
                }
                return table(["年月", "身分證號", "姓名", "投保金額"], rows, numeric: [3])
            case .annualSummaryMedia, .annualSummaryReport, .annualSummaryCSV:
                // Each insured person's share (with their dependants') month by month.
                var shares: [PersonalID: [Int: Money]] = [:]
                var names: [PersonalID: String] = [:]
                for n in 1...12 {
                    let m = try ROCMonth(year: month.year, month: n)
                    for line in try core.premiums.detail(r, unit: unit, month: m).lines {
                        shares[line.personID, default: [:]][n] = line.insuredShare
                        names[line.personID] = line.name
                    }
                }
                let rows = shares.keys.sorted { $0.rawValue < $1.rawValue }.map { id in
                    let months = (1...12).map { shares[id]?[$0] ?? .zero }
                    return [id.rawValue, names[id] ?? ""] + months.map { String($0.amount) }
                        + [String(months.reduce(Money.zero, +).amount)]
                }
                return table(["身分證號", "姓名"] + (1...12).map { String(format: "%02d月", $0) } + ["合計"], rows, numeric: Set(2...14))
            case .gradeTable:
                let burden: NHIBurdenTable
                do { burden = try PremiumCalculator(tables: core.tables).nhiBurdenTable(on: month.lastDay) } catch {
                    throw ServiceError(.premiumCalculation, wrapping: error)
                }
                let rows = burden.rows.map { row in
                    [String(row.grade.number), String(row.grade.amount.amount)] + (0...3).map { String(row.insured(dependants: $0).amount) }
                        + [String(row.unit.amount), String(row.government.amount)]
                }
                return table(["級距", "投保金額", "本人", "本人+1眷", "本人+2眷", "本人+3眷", "單位負擔", "政府補助"], rows,
                             numeric: Set(0...7))
            case .personnelAdministrationFile, .mediaFilingFile:
                throw ServiceError(.statementUnavailable, context: ["kind": request.kind.rawValue])
            }
        }
    }

    /// The statement catalogue.
    public var statements: Statements { Statements(core: self) }
}

extension CalendarDate {
    /// `yyy/MM/dd` in the ROC calendar, as the NHI prints dates for people.
    var roc: String { (try? ROCDate(self))?.formatted(.slashed) ?? iso }
}
