import Foundation
import NHICore
import NHIFormats

/// A result row as any store reads it: the neutral shape the row → domain mappings take, so
/// ``SQLiteStore`` and the PostgreSQL store (NHIPostgres) map their rows with the same code.
///
/// Both stores keep the same tables and column names; a store's row type answers by column
/// name. Dates are seconds since 1970 (`double`), days ISO text, money integers, flags `bool`
/// (SQLite's 0/1 or PostgreSQL's boolean). The bulk paths (the roster, importing filings) do
/// not go through rows.
@_spi(StoreImplementation)
public protocol StoreRow {
    func text(_ column: String) -> String?
    func int64(_ column: String) -> Int64?
    func double(_ column: String) -> Double?
    func bool(_ column: String) -> Bool?
    func bytes(_ column: String) -> Data?
}

@_spi(StoreImplementation)
extension StoreRow {
    /// A text column parsed into a value; a missing or unparsable value is `store.corrupt`.
    public func required<T>(_ column: String, _ parse: (String) throws -> T) throws -> T {
        guard let text = text(column) else { throw ServiceError(.storeCorrupt, context: ["column": column]) }
        return try StoreCodec.parse(text, parse)
    }

    /// A nullable text column parsed into a value.
    public func optional<T>(_ column: String, _ parse: (String) throws -> T) throws -> T? {
        guard let text = text(column) else { return nil }
        return try StoreCodec.parse(text, parse)
    }

    /// A text column holding an enumeration's raw value.
    public func enumValue<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
        guard let text = text(column), let value = T(rawValue: text) else { throw ServiceError(.storeCorrupt, context: ["column": column]) }
        return value
    }

    /// A nullable text column holding an enumeration's raw value.
    public func optionalEnum<T: RawRepresentable>(_ column: String) throws -> T? where T.RawValue == String {
        guard let text = text(column) else { return nil }
        guard let value = T(rawValue: text) else { throw ServiceError(.storeCorrupt, context: ["column": column]) }
        return value
    }

    public func requiredInt64(_ column: String) throws -> Int64 {
        guard let value = int64(column) else { throw ServiceError(.storeCorrupt, context: ["column": column]) }
        return value
    }

    public func requiredText(_ column: String) throws -> String {
        guard let value = text(column) else { throw ServiceError(.storeCorrupt, context: ["column": column]) }
        return value
    }

    public func requiredDate(_ column: String) throws -> Date {
        guard let value = double(column) else { throw ServiceError(.storeCorrupt, context: ["column": column]) }
        return Date(timeIntervalSince1970: value)
    }

    public func optionalDate(_ column: String) -> Date? { double(column).map { Date(timeIntervalSince1970: $0) } }
}

/// The row → domain mappings both stores share (the columns are the same on both).
@_spi(StoreImplementation)
public enum StoreRows {
    /// The `filing` columns every filing query selects, in order.
    public static let filingColumns = """
        id, unit_code, family, kind, person_id, principal_id, relation, name, birth_date, category, reason, insured_amount, \
        adjusted_amount, effective_date, filed_on, filed_at, filed_by, staff_id, status, check_code, check_message, converted_at, \
        batch_id, labour, foreign_national, issue_card_to
        """

    public static func filing(_ row: some StoreRow) throws -> Filing {
        let labour = try row.text("labour").map { try StoreCodec.decode(LabourSide.self, $0) }
        return Filing(id: try row.requiredInt64("id"), unitCode: try row.required("unit_code", UnitCode.init(parsing:)),
                      family: try row.enumValue("family"), kind: try row.enumValue("kind"),
                      personID: try row.required("person_id", PersonalID.init(parsing:)),
                      principalID: try row.optional("principal_id", PersonalID.init(parsing:)),
                      relation: try row.optionalEnum("relation"), name: try row.requiredText("name"),
                      birthDate: try row.optional("birth_date", CalendarDate.init(iso:)),
                      category: try row.enumValue("category"), reason: try row.requiredText("reason"),
                      insuredAmount: row.int64("insured_amount").map { Money($0) },
                      adjustedAmount: row.int64("adjusted_amount").map { Money($0) },
                      effectiveDate: try row.required("effective_date", CalendarDate.init(iso:)),
                      filedOn: try row.required("filed_on", CalendarDate.init(iso:)),
                      filedAt: try row.requiredDate("filed_at"), filedBy: try row.requiredText("filed_by"), staffID: row.int64("staff_id"),
                      status: try row.enumValue("status"), checkCode: row.text("check_code"), checkMessage: row.text("check_message"),
                      convertedAt: row.optionalDate("converted_at"), batchID: row.int64("batch_id"), labour: labour,
                      foreignNational: row.bool("foreign_national") ?? false, issueCardTo: row.text("issue_card_to"))
    }

    public static func filingBatch(_ row: some StoreRow) throws -> FilingBatch {
        FilingBatch(id: try row.requiredInt64("id"), unitCode: try row.required("unit_code", UnitCode.init(parsing:)),
                    kind: try row.requiredText("kind"), fileName: row.text("file_name"), fileSHA256: row.text("file_sha256"),
                    count: Int(try row.requiredInt64("count")), createdAt: try row.requiredDate("created_at"),
                    createdBy: try row.requiredText("created_by"))
    }

    public static func outboxEntry(_ row: some StoreRow) throws -> LabourOutboxEntry {
        LabourOutboxEntry(id: try row.requiredInt64("id"), filingID: try row.requiredInt64("filing_id"),
                          unitCode: try row.required("unit_code", UnitCode.init(parsing:)), action: try row.requiredText("action"),
                          dueAt: try row.requiredDate("due_at"), forwardedAt: row.optionalDate("forwarded_at"))
    }

    /// The `coverage` columns every coverage query selects.
    public static let coverageColumns = "id, unit_code, person_id, principal_id, relation, category, insured_amount, start_date, end_date, status, foreign_national, COALESCE(enrolled_date, start_date) AS enrolled_date"

    public static func coverage(_ row: some StoreRow) throws -> Coverage {
        Coverage(id: try row.requiredInt64("id"),
                 unitCode: try row.required("unit_code", UnitCode.init(parsing:)),
                 personID: try row.required("person_id", PersonalID.init(parsing:)),
                 principalID: try row.optional("principal_id", PersonalID.init(parsing:)),
                 relation: try row.optionalEnum("relation"),
                 category: try row.enumValue("category"),
                 insuredAmount: Money(try row.requiredInt64("insured_amount")),
                 startDate: try row.required("start_date", CalendarDate.init(iso:)),
                 endDate: try row.optional("end_date", CalendarDate.init(iso:)),
                 status: try row.enumValue("status"),
                 foreignNational: row.bool("foreign_national") ?? false,
                 enrolledOn: try row.required("enrolled_date", CalendarDate.init(iso:)))
    }

    public static func person(_ row: some StoreRow) throws -> Person {
        Person(id: try row.required("id", PersonalID.init(parsing:)), name: try row.required("name", PersonName.init),
               birthDate: try row.required("birth_date", CalendarDate.init(iso:)), indigenous: row.bool("indigenous") ?? false)
    }

    /// Bills with what has been paid on them (`paid`).
    public static let billSelect = """
        SELECT b.*, COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.bill_id = b.id), 0) AS paid FROM bill b
        """

    public static func bill(_ row: some StoreRow) throws -> PremiumBill {
        PremiumBill(id: try row.requiredInt64("id"), payerKey: try row.requiredText("payer_key"),
                    month: try row.required("month", ROCMonth.init(parsing:)), category: try row.enumValue("category"),
                    amount: Money(try row.requiredInt64("amount")), dueDate: try row.required("due_date", CalendarDate.init(iso:)),
                    issuedAt: try row.requiredDate("issued_at"), paid: Money(row.int64("paid") ?? 0))
    }

    public static func payment(_ row: some StoreRow) throws -> PremiumPayment {
        PremiumPayment(id: try row.requiredInt64("id"), billID: try row.requiredInt64("bill_id"), amount: Money(try row.requiredInt64("amount")),
                       paidOn: try row.required("paid_on", CalendarDate.init(iso:)), channel: try row.requiredText("channel"))
    }

    public static func billLine(_ row: some StoreRow) throws -> BillLine {
        BillLine(billID: try row.requiredInt64("bill_id"), month: try row.required("month", ROCMonth.init(parsing:)),
                 kind: try row.enumValue("kind"), amount: Money(try row.requiredInt64("amount")))
    }

    /// An attachment from `file_name`, `purpose` and `content`.
    public static func attachment(_ row: some StoreRow) throws -> UploadedDocument {
        guard let content = row.bytes("content") else { throw ServiceError(.storeCorrupt, context: ["column": "content"]) }
        return try UploadedDocument(fileName: try row.requiredText("file_name"), data: content, purpose: try row.enumValue("purpose"))
    }

    /// A stored DPR detail from `content_hash`, `import_id`, `income_code` and `data`.
    public static func dprDetail(_ row: some StoreRow, ubn: UBN) throws -> StoredDPRDetail {
        StoredDPRDetail(contentHash: try row.requiredText("content_hash"), importID: try row.requiredInt64("import_id"), ubn: ubn,
                        incomeCode: try row.enumValue("income_code"),
                        detail: try StoreCodec.decode(DPRDetailRecord.self, try row.requiredText("data")))
    }

    /// Orders roster lines as every store returns them: each insured person, then their
    /// dependants, by ID in byte order. A permutation of small keys is sorted, not the lines
    /// themselves (a RosterLine is large to move); IDs are ASCII, so String's `<` is a byte
    /// comparison.
    public static func sortedRoster(_ lines: [RosterLine]) -> [RosterLine] {
        let keys = lines.map { RosterSortKey(household: ($0.principalID ?? $0.personID).rawValue,
                                             dependant: $0.isDependant, person: $0.personID.rawValue) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        return order.map { lines[$0] }
    }
}
