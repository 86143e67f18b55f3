import Foundation
import HTTPTypes
import Hummingbird
import NHICore
import NHIFormats
import NHIGrades
import NHIService

/// `POST /v1/filings/enrolments`: the insured person, a dependant or a foreign national;
/// NHI only or three-in-one (with the labour side).
struct EnrolmentBody: Decodable, Sendable {
    var family: FilingFamily?
    /// `insured` (default), `dependant` (with `principalID` and `relation`) or `foreignNational`.
    var role: String?
    var principalID: PersonalID?
    var relation: DependantRelation?
    var personID: PersonalID
    var name: PersonName
    var birthDate: CalendarDate
    var indigenous: Bool?
    var effectiveDate: CalendarDate
    var insuredAmount: Money
    var category: InsuredCategory?
    var eligibilityReason: String?
    var monthlySalary: Money?
    var hasPaidStaff: Bool?
    var foreignerAutomaticallyEligible: Bool?
    var labour: LabourBody?
    var issueFirstCardTo: AddressBody?

    /// The service's request (the role's parts checked here; every rule by the service).
    func request() throws -> EnrolmentRequest {
        let insuredRole: InsuredRole
        switch role ?? "insured" {
        case "insured": insuredRole = .insured
        case "foreignNational": insuredRole = .foreignNational
        case "dependant":
            guard let principalID, let relation else {
                throw ServerError(.badRequest, detail: "a dependant needs principalID and relation")
            }
            insuredRole = .dependant(of: principalID, relation: relation)
        default: throw ServerError(.badRequest, detail: "role is insured, dependant or foreignNational")
        }
        return EnrolmentRequest(
            family: family ?? .nhiOnly, role: insuredRole, personID: personID, name: name, birthDate: birthDate,
            indigenous: indigenous ?? false, category: category ?? .employee, eligibilityReason: eligibilityReason ?? "到職起薪",
            effectiveDate: effectiveDate, insuredAmount: insuredAmount, hasPaidStaff: hasPaidStaff ?? true,
            issueFirstCardTo: try issueFirstCardTo?.address(), foreignerAutomaticallyEligible: foreignerAutomaticallyEligible ?? true,
            labour: labour?.side, monthlySalary: monthlySalary)
    }
}

/// The three-in-one labour side (勞保投保薪資, 勞退月提繳工資).
struct LabourBody: Decodable, Sendable {
    var monthlySalary: Money
    var labourInsuranceSalary: Money
    var pensionWage: Money
    var pensionUnitType: PensionUnitType?
    var employerRatePercent: Int?
    var voluntaryRatePercent: Int?

    var side: LabourSide {
        LabourSide(monthlySalary: monthlySalary, pensionUnitType: pensionUnitType ?? .general, labourInsuranceSalary: labourInsuranceSalary,
                   pensionWage: pensionWage, employerRatePercent: employerRatePercent ?? 6, voluntaryRatePercent: voluntaryRatePercent ?? 0)
    }
}

/// Where a first card is mailed (首次加保申請健保卡).
struct AddressBody: Decodable, Sendable {
    var county: String
    var district: String
    var village: String?
    var neighbourhood: String?
    var street: String

    func address() throws -> CardApplication.Address {
        try CardApplication.Address(county: county, district: district, village: village ?? "", neighbourhood: neighbourhood ?? "", street: street)
    }
}

/// `POST /v1/filings/withdrawals`.
struct WithdrawalBody: Decodable, Sendable {
    var family: FilingFamily?
    var personID: PersonalID
    var reason: WithdrawalReason
    var transferOutDate: CalendarDate
    var chargedHere: Bool?
    var passportNumber: String?

    var request: WithdrawalRequest {
        WithdrawalRequest(family: family ?? .nhiOnly, personID: personID, reason: reason, transferOutDate: transferOutDate,
                          chargedHere: chargedHere ?? false, passportNumber: passportNumber)
    }
}

/// `POST /v1/filings/salary-adjustments`.
struct SalaryAdjustmentBody: Decodable, Sendable {
    var family: FilingFamily?
    var personID: PersonalID
    var newAmount: Money
    var employerLowering: Bool?
    var monthlySalary: Money?
    var labour: LabourBody?

    var request: SalaryAdjustmentRequest {
        SalaryAdjustmentRequest(family: family ?? .nhiOnly, personID: personID, newAmount: newAmount, employerLowering: employerLowering ?? false,
                                labour: labour?.side, monthlySalary: monthlySalary)
    }
}

/// `POST /v1/filings/status-changes`: 停保, 育嬰留職停薪, 復保 or 續保 (NHI only).
struct StatusChangeBody: Decodable, Sendable {
    var kind: FilingKind
    var personID: PersonalID
    var date: CalendarDate
    var reason: String?

    var request: StatusChangeRequest {
        StatusChangeRequest(kind: kind, personID: personID, date: date, reason: reason ?? "")
    }
}

/// `POST /v1/filings/basic-data-changes`: a new name or birth date (a birth date needs proof,
/// which the API does not carry: the service refuses it with `filing.proofRequired`).
struct BasicDataChangeBody: Decodable, Sendable {
    var personID: PersonalID
    var name: PersonName?
    var birthDate: CalendarDate?

    var request: BasicDataChangeRequest { BasicDataChangeRequest(personID: personID, name: name, birthDate: birthDate) }
}

/// A batch registration file: its name (the NHI's naming convention) and bytes, base64.
struct BatchFileBody: Decodable, Sendable {
    var fileName: String
    var content: String
    var contactName: String?
    var contactEmail: String?

    var bytes: [UInt8] {
        get throws(ServerError) {
            guard let data = Data(base64Encoded: content) else { throw ServerError(.badRequest, detail: "content is base64") }
            return Array(data)
        }
    }
}

/// `POST /v1/units/{unit}/bulk-adjustments`.
struct BulkAdjustmentBody: Decodable, Sendable {
    var selections: [BulkAdjustmentSelection]
}

/// `POST /v1/units/{unit}/statements`.
struct StatementRequestBody: Decodable, Sendable {
    var kind: StatementKind
    /// ROC `yyyMM` (11505) or ISO `2026-05`.
    var month: String
    var through: String?
}

/// `PUT /v1/units/{unit}/e-payment`: subscribe electronic payment slips (or change addresses).
struct EPaymentBody: Decodable, Sendable {
    var email: String
    var backupEmail: String?
    var transferResultNotice: Bool?
}

/// `GET /v1/units/{unit}/e-payment`: the subscription, or null when there is none.
struct EPaymentView: Encodable, Sendable {
    var subscription: EPaymentSubscription?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(subscription, forKey: .subscription)  // null, not absent
    }

    enum Key: String, CodingKey { case subscription }
}

/// `POST /v1/card-applications`: a card for someone insured with the session's unit (no
/// photo: the API does not carry attachments, so new photos and first cards are refused by
/// the service's photo rule).
struct CardApplicationBody: Decodable, Sendable {
    var personID: PersonalID
    var reason: CardApplication.Reason
    var email: String
    var landline: String?
    var mobile: String?
    /// `post` (with `address`) or `counter` (with `office`).
    var pickup: String
    var address: AddressBody?
    var office: String?

    func parts() throws -> (EmailAddress, ContactPhones, CardApplication.Pickup) {
        let phones = try ContactPhones(landline: try landline.map { try LandlineNumber(parsing: $0) }, mobile: try mobile.map { try MobileNumber(parsing: $0) })
        let pickup: CardApplication.Pickup
        switch self.pickup {
        case "post":
            guard let address else { throw ServerError(.badRequest, detail: "pickup post needs address") }
            pickup = .post(try address.address())
        case "counter":
            guard let office else { throw ServerError(.badRequest, detail: "pickup counter needs office") }
            pickup = .counter(office: office)
        default: throw ServerError(.badRequest, detail: "pickup is post or counter")
        }
        return (try EmailAddress(parsing: email), phones, pickup)
    }
}

/// A batch check's outcome.
/// An unpaid premium with its late fee as of the expected payment day: the figures a list
/// shows, and the whole late-fee computation (`lateFeeDetail`: days, cap, rates).
struct UnpaidView: Encodable, Sendable {
    var bill: PremiumBill
    var unpaid: Money
    var lateFee: Money
    var lateFeeStart: CalendarDate
    var lateFeeDetail: LateFee
}

/// `POST /v1/units/{unit}/staff`: assigns an administrator or operator (單位管理者登錄作業).
struct StaffAssignmentBody: Decodable, Sendable {
    var personID: PersonalID
    var name: PersonName
    /// `administrator` or `operator`.
    var role: StaffRole
    /// `nhiCard` or `citizen` (a citizen certificate, with its serial).
    var credential: CertificateKind
    var certificateSerial: String?
    var landline: String?
    var mobile: String?
    var email: String
    var mayUseAllEnrolmentFunctions: Bool?

    func assignment(for unit: UnitCode, session: UnitCode) throws -> StaffAssignment {
        StaffAssignment(personID: personID, name: name, role: role, credential: credential, certificateSerial: certificateSerial,
                        phones: try ContactPhones(landline: try landline.map { try LandlineNumber(parsing: $0) },
                                                  mobile: try mobile.map { try MobileNumber(parsing: $0) }),
                        email: try EmailAddress(parsing: email), mayUseAllEnrolmentFunctions: mayUseAllEnrolmentFunctions ?? true,
                        forUnit: unit == session ? nil : unit)
    }
}

/// `POST /v1/insurance/status` and `/v1/insurance/proofs`: whose (the ID in the body, never
/// in a URL that a proxy's access log keeps), and on which day.
struct InsuranceQueryBody: Decodable, Sendable {
    var personID: PersonalID
    var on: CalendarDate?
}

/// `DELETE /v1/filings/{id}`'s answer.
struct DeletedView: Encodable, Sendable {
    var deleted: Int64
}

struct ListView<T: Encodable & Sendable>: Encodable, Sendable {
    var items: [T]
}

extension ServerAPI {
    // MARK: Roster and filings (read)

    func roster(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), on = try date(request, "on"), caller = entry.session.caller
        let lines = try await service.perform { service in try service.roster.inForce(unit: unit, on: on, by: caller) }
        return JSONCoding.response(ListView(items: lines))
    }

    func filings(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let from = try date(request, "from"), through = try date(request, "through")
        let filings = try await service.perform { service in
            let today = service.clock.today
            return try service.filings.checkResults(unit: unit, from: from ?? today.adding(days: -30), through: through ?? today, by: caller)
        }
        return JSONCoding.response(ListView(items: filings))
    }

    /// `GET /v1/units/{unit}/filings/today`: what the unit filed today (異動作業後查詢), any status.
    func filedToday(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let filings = try await service.perform { service in try service.filings.filedToday(unit: unit, by: caller) }
        return JSONCoding.response(ListView(items: filings))
    }

    // MARK: Filings (write, idempotent)

    /// `DELETE /v1/filings/{id}`: deletes a filing on its filing day (the service's rule).
    func deleteFiling(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)  // 401 before the path is looked at
        let id = try filingID(context)
        // The answer is stored with the deletion (one transaction): a retry after a restart is answered, not refused.
        let answer: @Sendable (Any) -> Data? = { _ in Data(JSONCoding.encode(DeletedView(deleted: id))) }
        return try await idempotent(request, context, persistAs: answer, persistStatus: 200) { entry, _ in
            try await service.perform { service in try service.filings.delete(id, by: entry.session.caller) }
            context.logger.info("deleted", metadata: ["filing": "\(id)"])
            return Reply(DeletedView(deleted: id))
        }
    }

    /// A filing or bill number from the path.
    func filingID(_ context: ServerContext, _ name: String = "id") throws -> Int64 {
        let text = try context.parameters.require(name)
        guard let id = Int64(text), id > 0 else { throw ServerError(.badParameter, detail: "\(name) is a positive number") }
        return id
    }

    /// A filing's answer body, as `Reply(filing, status: .created)` sends it: what the store
    /// records with the filing (idempotency across restarts).
    static let filingAnswer: @Sendable (Any) -> Data? = { value in (value as? Filing).map { Data(JSONCoding.encode($0)) } }

    func enrol(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await idempotent(request, context, persistAs: Self.filingAnswer) { entry, bytes in
            let body = try JSONCoding.decode(EnrolmentBody.self, from: bytes)
            let request = try body.request()
            let filing = try await service.perform { service in try service.filings.enrol(request, by: entry.session.caller) }
            context.logger.info("filed", metadata: ["kind": "enrol", "filing": "\(filing.id)", "person": "\(body.personID.masked)"])
            return Reply(filing, status: .created)
        }
    }

    func withdraw(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await idempotent(request, context, persistAs: Self.filingAnswer) { entry, bytes in
            let body = try JSONCoding.decode(WithdrawalBody.self, from: bytes)
            let filing = try await service.perform { service in try service.filings.withdraw(body.request, by: entry.session.caller) }
            context.logger.info("filed", metadata: ["kind": "withdraw", "filing": "\(filing.id)", "person": "\(body.personID.masked)"])
            return Reply(filing, status: .created)
        }
    }

    func adjustSalary(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await idempotent(request, context, persistAs: Self.filingAnswer) { entry, bytes in
            let body = try JSONCoding.decode(SalaryAdjustmentBody.self, from: bytes)
            let filing = try await service.perform { service in try service.filings.adjustSalary(body.request, by: entry.session.caller) }
            context.logger.info("filed", metadata: ["kind": "salaryAdjustment", "filing": "\(filing.id)", "person": "\(body.personID.masked)"])
            return Reply(filing, status: .created)
        }
    }

    func changeStatus(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await idempotent(request, context, persistAs: Self.filingAnswer) { entry, bytes in
            let body = try JSONCoding.decode(StatusChangeBody.self, from: bytes)
            let filing = try await service.perform { service in try service.filings.changeStatus(body.request, by: entry.session.caller) }
            context.logger.info("filed", metadata: ["kind": "\(body.kind.rawValue)", "filing": "\(filing.id)", "person": "\(body.personID.masked)"])
            return Reply(filing, status: .created)
        }
    }

    func changeBasicData(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await idempotent(request, context, persistAs: Self.filingAnswer) { entry, bytes in
            let body = try JSONCoding.decode(BasicDataChangeBody.self, from: bytes)
            let filing = try await service.perform { service in try service.filings.changeBasicData(body.request, by: entry.session.caller) }
            context.logger.info("filed", metadata: ["kind": "basicDataChange", "filing": "\(filing.id)", "person": "\(body.personID.masked)"])
            return Reply(filing, status: .created)
        }
    }

    // MARK: Batch registration

    func batchCheck(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let body = try await decode(BatchFileBody.self, request, context)
        let bytes = try body.bytes
        let check = try await service.perform { service in
            try service.batchRegistrations.checkedForDisplay(.bytes(bytes, name: body.fileName), fileName: body.fileName, unit: unit, by: caller)
        }
        return JSONCoding.response(check)
    }

    func batchUpload(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)  // 401 before the path is looked at
        let unit = try unit(context)
        return try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(BatchFileBody.self, from: bytes)
            let file = try body.bytes
            let email = try body.contactEmail.map { try EmailAddress(parsing: $0) }
            let processes = configuration.processesBatchUploads
            let job = try await service.perform { service in
                let uploaded = try service.batchRegistrations.upload(file, fileName: body.fileName, unit: unit, contactName: body.contactName,
                                                                     contactEmail: email, by: entry.session.caller)
                // 入檔 at once (as a counter with its own database does), unless the office
                // processes uploads later (`nhi service batch-register process`).
                return processes ? try service.batchRegistrations.process(uploaded.id, by: .system) : uploaded
            }
            return Reply(job, status: .created)
        }
    }

    func batchRecords(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let from = try date(request, "from"), through = try date(request, "through")
        let jobs = try await service.perform { service in
            try service.batchRegistrations.records(unit: unit, from: from, through: through, by: caller)
        }
        return JSONCoding.response(ListView(items: jobs))
    }

    // MARK: Bills and statements

    func bills(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let bills = try await service.perform { service in try service.premiums.bills(payerKey: unit.rawValue, by: caller) }
        return JSONCoding.response(ListView(items: bills))
    }

    func unpaid(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller, payOn = try date(request, "payOn")
        let mailed: Bool
        switch request.uri.queryParameters.get("mailed") {
        case nil, "false": mailed = false
        case "true": mailed = true
        default: throw ServerError(.badParameter, detail: "mailed is true or false")
        }
        let unpaid = try await service.perform { service in
            try service.premiums.unpaid(payerKey: unit.rawValue, expectedPaymentDate: payOn ?? service.clock.today, mailed: mailed, by: caller)
        }
        return JSONCoding.response(ListView(items: unpaid.map {
            UnpaidView(bill: $0.bill, unpaid: $0.unpaid, lateFee: $0.lateFee.fee, lateFeeStart: $0.lateFeeStart, lateFeeDetail: $0.lateFee)
        }))
    }

    // MARK: Insurance status and proof (投保狀態查詢及投保證明)

    /// `POST /v1/insurance/status`: a person's insurance status on a day (the service decides
    /// whose the session may see).
    func insuranceStatus(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let body = try await decode(InsuranceQueryBody.self, request, context)
        let caller = entry.session.caller
        let status = try await service.perform { service in try service.insurance.status(of: body.personID, on: body.on, by: caller) }
        return JSONCoding.response(status)
    }

    /// `POST /v1/insurance/proofs`: a proof of insurance (投保證明) as of today, recorded in the audit log.
    func insuranceProof(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let body = try await decode(InsuranceQueryBody.self, request, context)
        let caller = entry.session.caller
        let proof = try await service.perform { service in try service.insurance.proof(of: body.personID, by: caller) }
        return JSONCoding.response(proof, status: .created)
    }

    // MARK: Staff (單位管理者登錄作業)

    /// `GET /v1/units/{unit}/staff`: the unit's administrators and operators.
    /// `GET /v1/units/{unit}/audit?limit=`: the unit's newest audit entries (administrators).
    func auditLog(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        var limit = 200
        if let text = request.uri.queryParameters.get("limit") {
            guard let value = Int(text), (1...1000).contains(value) else { throw ServerError(.badParameter, detail: "limit is 1–1000") }
            limit = value
        }
        let count = limit
        let entries = try await service.perform { service in try service.audit.entries(unit: unit, by: caller, limit: count) }
        return JSONCoding.response(ListView(items: entries))
    }

    func staffList(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let members = try await service.perform { service in try service.staff.list(unit: unit, by: caller) }
        return JSONCoding.response(ListView(items: members))
    }

    /// `POST /v1/units/{unit}/staff`: assigns a person (the service's rules: who may assign whom, how many).
    func assignStaff(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)  // 401 before the path is looked at
        let unit = try unit(context)
        return try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(StaffAssignmentBody.self, from: bytes)
            let assignment = try body.assignment(for: unit, session: entry.session.unitCode)
            let member = try await service.perform { service in try service.staff.assign(assignment, by: entry.session.caller) }
            context.logger.info("staff assigned", metadata: ["unit": "\(unit)", "person": "\(body.personID.masked)"])
            return Reply(member, status: .created)
        }
    }

    /// `DELETE /v1/staff/{id}`: ends an assignment.
    func deleteStaff(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)
        let id = try filingID(context)
        return try await idempotent(request, context) { entry, _ in
            try await service.perform { service in try service.staff.delete(id, by: entry.session.caller) }
            return Reply(DeletedView(deleted: id))
        }
    }

    /// `POST /v1/bills/{id}/slips`: issues a payment slip (繳款單) for one of the unit's bills;
    /// the service counts it against its daily limit, so a retry carries the same key.
    func issueSlip(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)  // 401 before the path is looked at
        let id = try filingID(context)
        let answer: @Sendable (Any) -> Data? = { value in (value as? PremiumBill).map { Data(JSONCoding.encode($0)) } }
        return try await idempotent(request, context, persistAs: answer) { entry, _ in
            let bill = try await service.perform { service in try service.premiums.downloadSlip(bill: id, by: entry.session.caller) }
            return Reply(bill, status: .created)
        }
    }

    func statements(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let requests = try await service.perform { service in try service.statements.requests(unit: unit, by: caller) }
        return JSONCoding.response(ListView(items: requests))
    }

    func requestStatement(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)  // 401 before the path is looked at
        let unit = try unit(context)
        return try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(StatementRequestBody.self, from: bytes)
            guard entry.session.unitCode == unit else {
                throw ServiceError(.notAuthorised, context: ["unit": unit.rawValue])
            }
            let month = try Self.month(body.month), through = try body.through.map(Self.month)
            let stored = try await service.perform { service in
                try service.statements.request(body.kind, month: month, through: through, by: entry.session.caller)
            }
            return Reply(stored, status: .created)
        }
    }

    /// `GET /v1/units/{unit}/premium-detail?month=`: the month's premium calculation.
    func premiumDetail(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        guard let text = request.uri.queryParameters.get("month") else { throw ServerError(.badParameter, detail: "month is required (11510 or 2026-10)") }
        let month = try Self.month(String(text))
        let detail = try await service.perform { service in try service.premiums.detail(unit: unit, month: month, by: caller) }
        return JSONCoding.response(detail)
    }

    /// `GET /v1/statements/{id}`: a produced statement (recorded in the audit log).
    func downloadStatement(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let id = try filingID(context), caller = entry.session.caller
        let table = try await service.perform { service in try service.statements.download(id, by: caller) }
        return JSONCoding.response(table)
    }

    /// `GET /v1/units/{unit}/payment-certificate?from=&through=&paidFrom=&paidThrough=&categories=`.
    func paymentCertificate(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let query = request.uri.queryParameters
        guard let from = query.get("from"), let through = query.get("through") else {
            throw ServerError(.badParameter, detail: "from and through (billing months) are required")
        }
        let months = (try Self.month(String(from)), try Self.month(String(through)))
        guard months.0 <= months.1 else { throw ServerError(.badParameter, detail: "from is not after through") }
        let paidFrom = try date(request, "paidFrom") ?? months.0.firstDay
        let paidUntil = try date(request, "paidThrough")
        if let paidUntil, paidFrom > paidUntil { throw ServerError(.badParameter, detail: "paidFrom is not after paidThrough") }
        var categories: Set<PremiumBill.Category> = [.general, .supplementary]
        if let text = query.get("categories") {
            categories = []
            for part in text.split(separator: ",") {
                guard let category = PremiumBill.Category(rawValue: String(part)) else {
                    throw ServerError(.badParameter, detail: "categories are general, supplementary, lateFee")
                }
                categories.insert(category)
            }
            guard !categories.isEmpty else { throw ServerError(.badParameter, detail: "categories are general, supplementary, lateFee") }
        }
        let chosen = categories
        let certificate = try await service.perform { service in
            // Payments made from paidFrom through paidThrough (default today); none yet when paidFrom is later.
            let paidThrough = max(paidUntil ?? service.clock.today, paidFrom)
            return try service.premiums.certificate(payerKey: unit.rawValue, categories: chosen, months: months.0...months.1,
                                                    period: paidFrom...paidThrough, by: caller)
        }
        return JSONCoding.response(certificate)
    }

    /// `GET /v1/units/{unit}/e-payment`.
    func ePayment(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let subscription = try await service.perform { service in try service.ePaymentSlips.subscription(unit: unit, by: caller) }
        return JSONCoding.response(EPaymentView(subscription: subscription))
    }

    /// `PUT /v1/units/{unit}/e-payment`: subscribe or change the addresses.
    func subscribeEPayment(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)
        let unit = try unit(context)
        return try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(EPaymentBody.self, from: bytes)
            let email = try EmailAddress(parsing: body.email), backup = try body.backupEmail.map { try EmailAddress(parsing: $0) }
            let subscription = try await service.perform { service in
                try service.ePaymentSlips.subscribe(unit: unit, email: email, backupEmail: backup,
                                                    transferResultNotice: body.transferResultNotice ?? false, by: entry.session.caller)
            }
            return Reply(subscription)
        }
    }

    /// `DELETE /v1/units/{unit}/e-payment`: cancel.
    func cancelEPayment(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)
        let unit = try unit(context)
        return try await idempotent(request, context) { entry, _ in
            let subscription = try await service.perform { service in try service.ePaymentSlips.cancel(unit: unit, by: entry.session.caller) }
            return Reply(subscription)
        }
    }

    /// `POST /v1/units/{unit}/filing-imports/check`: every refused row of a filing file, nothing stored.
    func checkFilingImport(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let caller = entry.session.caller
        _ = try unit(context)
        let body = try await decode(BatchFileBody.self, request, context)
        let bytes = try body.bytes
        let rejections = try await service.perform { service in try service.filings.checkFile(bytes, by: caller) }
        return JSONCoding.response(ListView(items: rejections))
    }

    /// `POST /v1/units/{unit}/filing-imports`: imports a filing file in one transaction.
    func importFilings(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)
        _ = try unit(context)
        return try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(BatchFileBody.self, from: bytes)
            let file = try body.bytes
            let result = try await service.perform { service in
                try service.filings.importFile(file, fileName: body.fileName, by: entry.session.caller).result
            }
            context.logger.info("imported", metadata: ["filings": "\(result.imported)", "batch": "\(result.batchID)"])
            return Reply(result, status: .created)
        }
    }

    /// `GET /v1/units/{unit}/bulk-adjustments/proposal`: the bulk salary adjustment the
    /// grade table calls for (薪資調整作業(大批)).
    func bulkAdjustmentProposal(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        let list = try await service.perform { service in try service.filings.bulkAdjustmentList(unit: unit, by: caller) }
        return JSONCoding.response(list)
    }

    /// `GET /v1/units/{unit}/bulk-adjustments/by-grade?from=&to=`: everyone insured at one
    /// amount, moving to another grade.
    func bulkAdjustmentByGrade(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        guard let fromText = request.uri.queryParameters.get("from"), let toText = request.uri.queryParameters.get("to") else {
            throw ServerError(.badParameter, detail: "from and to (insured amounts) are required")
        }
        let from = try Money(parsing: String(fromText)), to = try Money(parsing: String(toText))
        let changes = try await service.perform { service in
            try service.filings.proposeBulkAdjustment(unit: unit, from: from, to: to, by: caller)
        }
        return JSONCoding.response(ListView(items: changes))
    }

    /// `POST /v1/units/{unit}/bulk-adjustments`: files the selected people as one batch.
    func fileBulkAdjustment(_ request: Request, _ context: ServerContext) async throws -> Response {
        _ = try session(request)
        let unit = try unit(context)
        return try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(BulkAdjustmentBody.self, from: bytes)
            let filings = try await service.perform { service in
                try service.filings.fileBulkAdjustment(selecting: body.selections, unit: unit, by: entry.session.caller)
            }
            context.logger.info("bulk salary adjustment filed", metadata: ["filings": "\(filings.count)"])
            return Reply(ListView(items: filings), status: .created)
        }
    }

    /// `GET /v1/units/{unit}/filings/listing?from=&through=`: filed data for printing.
    func filingListing(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let unit = try unit(context), caller = entry.session.caller
        guard let from = try date(request, "from"), let through = try date(request, "through") else {
            throw ServerError(.badParameter, detail: "from and through (ISO dates) are required")
        }
        let filings = try await service.perform { service in try service.filings.listing(unit: unit, from: from, through: through, by: caller) }
        return JSONCoding.response(ListView(items: filings))
    }

    /// `POST /v1/card-applications`.
    func applyForCard(_ request: Request, _ context: ServerContext) async throws -> Response {
        try await idempotent(request, context) { entry, bytes in
            let body = try JSONCoding.decode(CardApplicationBody.self, from: bytes)
            let (email, phones, pickup) = try body.parts()
            let application = try await service.perform { service in
                try service.cards.apply(for: body.personID, reason: body.reason, email: email, phones: phones, pickup: pickup, photo: nil,
                                        by: entry.session.caller)
            }
            context.logger.info("card application", metadata: ["application": "\(application.id)", "person": "\(body.personID.masked)"])
            return Reply(application, status: .created)
        }
    }

    /// `POST /v1/card-applications/search`: a person's applications (the ID in the body).
    func cardApplications(_ request: Request, _ context: ServerContext) async throws -> Response {
        let (entry, _) = try session(request)
        let caller = entry.session.caller
        let body = try await decode(InsuranceQueryBody.self, request, context)
        let list = try await service.perform { service in try service.cards.applications(person: body.personID, by: caller) }
        return JSONCoding.response(ListView(items: list))
    }

    static func month(_ text: String) throws -> ROCMonth {
        if text.count == 7, text.dropFirst(4).first == "-", let date = try? CalendarDate(iso: text + "-01") { return try ROCMonth(date) }
        return try ROCMonth(parsing: text)
    }
}
