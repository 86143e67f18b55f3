import Foundation
import NHICore
import NHIService

/// ``UnitWorkflows`` over `nhi-server`: the same requests as ``LocalUnitWorkflows``, sent
/// with the client's session; the server decides with the session it issued.
///
/// The API carries the NHI-only (健保專用) forms of an insured person: an enrolment of the
/// insured themselves, a withdrawal, a salary adjustment. A request with a part the API does
/// not carry yet — a dependant or foreign national, the three-in-one labour side, a first
/// card's address, attachments, an indigenous person, a passport number — is refused with
/// `client.unsupported` naming that part, before anything is sent.
///
/// Each filing is sent with one fresh idempotency key, kept for its retries, so a filing the
/// server made but whose answer was lost is answered, not made again.
public struct RemoteUnitWorkflows: UnitWorkflows {
    /// The signed-in client the requests go through.
    public let client: NHIServiceClient
    public let unitCode: UnitCode

    /// Workflows through `client`, signed in to `unitCode` (the session's unit).
    public init(client: NHIServiceClient, unitCode: UnitCode) {
        self.client = client
        self.unitCode = unitCode
    }

    public func enrol(_ request: EnrolmentRequest) async throws -> Filing {
        try Self.requireNHIOnly(request.family)
        var parts: [String] = []
        if request.role != .insured { parts.append("role") }
        if request.indigenous { parts.append("indigenous") }
        if request.labour != nil { parts.append("labour") }
        if request.issueFirstCardTo != nil { parts.append("issueFirstCardTo") }
        if !request.attachments.isEmpty { parts.append("attachments") }
        if !request.foreignerAutomaticallyEligible { parts.append("foreignerAutomaticallyEligible") }
        if !parts.isEmpty { throw ServiceClientError(.unsupported, detail: parts.joined(separator: ", ")) }
        return try await client.enrol(RemoteEnrolment(
            personID: request.personID, name: request.name, birthDate: request.birthDate, effectiveDate: request.effectiveDate,
            insuredAmount: request.insuredAmount, category: request.category, eligibilityReason: request.eligibilityReason,
            monthlySalary: request.monthlySalary))
    }

    public func withdraw(_ request: WithdrawalRequest) async throws -> Filing {
        try Self.requireNHIOnly(request.family)
        if request.passportNumber != nil || !request.attachments.isEmpty {
            throw ServiceClientError(.unsupported, detail: request.passportNumber != nil ? "passportNumber" : "attachments")
        }
        return try await client.withdraw(RemoteWithdrawal(personID: request.personID, reason: request.reason,
                                                          transferOutDate: request.transferOutDate, chargedHere: request.chargedHere))
    }

    public func adjustSalary(_ request: SalaryAdjustmentRequest) async throws -> Filing {
        try Self.requireNHIOnly(request.family)
        if request.labour != nil || !request.attachments.isEmpty {
            throw ServiceClientError(.unsupported, detail: request.labour != nil ? "labour" : "attachments")
        }
        return try await client.adjustSalary(RemoteSalaryAdjustment(personID: request.personID, newAmount: request.newAmount,
                                                                    employerLowering: request.employerLowering,
                                                                    monthlySalary: request.monthlySalary))
    }

    public func roster(on day: CalendarDate?) async throws -> [RosterLine] {
        try await client.roster(unit: unitCode, on: day)
    }

    public func checkResults(from: CalendarDate, through: CalendarDate) async throws -> [Filing] {
        try await client.checkResults(unit: unitCode, from: from, through: through)
    }

    public func filedToday() async throws -> [Filing] {
        try await client.filedToday(unit: unitCode)
    }

    public func deleteFiling(_ id: Int64) async throws {
        try await client.deleteFiling(id)
    }

    public func bills() async throws -> [PremiumBill] {
        try await client.bills(unit: unitCode)
    }

    public func issueSlip(bill id: Int64) async throws -> PremiumBill {
        try await client.issueSlip(bill: id)
    }

    private static func requireNHIOnly(_ family: FilingFamily) throws(ServiceClientError) {
        guard family == .nhiOnly else { throw ServiceClientError(.unsupported, detail: "family") }
    }
}
