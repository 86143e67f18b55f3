import Foundation
import NHICore
import NHIGrades
import NHIService
import NHIServiceClient
import NHITestSupport
import Testing

/// `UnitWorkflows`: the same requests through this process's service and through
/// nhi-server give the same filings, and what the server's API cannot carry is refused
/// before anything is sent.
@Suite("UnitWorkflows: local and over nhi-server")
struct UnitWorkflowsTests {
    @Test("Enrolment, withdrawal, roster, results, today, deletion, bills, unpaid premiums, slips, staff, insurance status and proof: RemoteUnitWorkflows does what LocalUnitWorkflows does; unsupported parts file nothing")
    func localAndRemoteAgree() async throws {
        let harness = try await ServerHarness()
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            let unit = try UnitCode(parsing: session.unitCode)
            let remote = RemoteUnitWorkflows(client: client, unitCode: unit)
            let caller = try harness.service.staff.session(person: admin.id, unit: unit, credential: .nhiCard)
            let local = try harness.service.workflows(for: caller)
            #expect(local.unitCode == remote.unitCode)

            let today = harness.service.clock.today
            let person = DemoData.uninsured
            let request = EnrolmentRequest(personID: person.id, name: try PersonName(person.name), birthDate: person.birthDate,
                                           effectiveDate: today, insuredAmount: 36_300, monthlySalary: 36_000)

            // Attached proof documents are not carried: refused before anything is sent.
            var withProof = request
            withProof.attachments = [try UploadedDocument(fileName: "proof.pdf", data: Data("%PDF-1.4\n%%EOF\n".utf8), purpose: .proof)]
            await #expect(throws: ServiceClientError.self) { _ = try await remote.enrol(withProof) }
            do { _ = try await remote.enrol(withProof) } catch let error as ServiceClientError {
                #expect(error.errorCode == ServiceClientError.Code.unsupported.rawValue && error.messageEn.contains("attachments"))
            }
            #expect(try harness.service.filings.filedToday(unit: unit, by: caller).filter { $0.personID == person.id }.isEmpty,
                    "refused requests filed nothing")

            // A dependant's enrolment goes through whole: role, principal and relation.
            let child = try PersonalID(parsing: "A234567893")
            let dependant = EnrolmentRequest(role: .dependant(of: DemoData.employee.id, relation: .child), personID: child,
                                             name: try PersonName("王小華"), birthDate: try CalendarDate(iso: "2020-01-01"),
                                             effectiveDate: today, insuredAmount: .zero)
            let filedDependant = try await remote.enrol(dependant)
            #expect(filedDependant.roleLabel == "眷屬" && filedDependant.dependantID == child && filedDependant.employeeID == DemoData.employee.id,
                    "\(filedDependant.roleLabel) \(String(describing: filedDependant.dependantID))")
            let filedRemotely = try await remote.enrol(request)
            // Again, through either: the same rule refuses a second pending enrolment.
            var remoteCode: String?, localCode: String?
            do {
                _ = try await remote.enrol(request)
                Issue.record("filed twice through the server")
            } catch let error as ServiceClientError { remoteCode = error.errorCode }
            do {
                _ = try await local.enrol(request)
                Issue.record("filed twice locally")
            } catch let error as ServiceError { localCode = error.errorCode }
            #expect(remoteCode != nil && remoteCode == localCode, "\(String(describing: remoteCode)) vs \(String(describing: localCode))")
            #expect(filedRemotely.personID == person.id && filedRemotely.kind == .enrol && filedRemotely.insuredAmount == 36_300)
            #expect(filedRemotely.roleLabel == "本人")

            // Withdraw the employee locally and compare with what the server lists.
            let withdrawal = WithdrawalRequest(personID: DemoData.employee.id, reason: .leftJob, transferOutDate: today)
            let filedLocally = try await local.withdraw(withdrawal)
            let rosterLocal = try await local.roster(on: today), rosterRemote = try await remote.roster(on: today)
            #expect(rosterLocal == rosterRemote, "the roster reads the same through both")
            #expect(filedLocally.kind == .withdraw && filedLocally.personID == DemoData.employee.id)
            let resultsLocal = try await local.checkResults(from: today.adding(days: -30), through: today)
            let resultsRemote = try await remote.checkResults(from: today.adding(days: -30), through: today)
            #expect(resultsLocal == resultsRemote)

            // Today's filings, same-day deletion, bills and a slip: the same through both.
            // (Timestamps travel to the second, ISO 8601; everything else is the same value.)
            func summary(_ filings: [Filing]) -> [String] {
                filings.map { "\($0.id) \($0.kind) \($0.status) \($0.personID) \($0.effectiveDate) \($0.insuredAmount.map(String.init(describing:)) ?? "-")" }
            }
            let todayLocal = try await local.filedToday(), todayRemote = try await remote.filedToday()
            #expect(summary(todayLocal) == summary(todayRemote))
            #expect(todayLocal.contains { $0.id == filedRemotely.id } && todayLocal.contains { $0.id == filedLocally.id })
            try await remote.deleteFiling(filedRemotely.id)
            #expect(try await local.filedToday().first { $0.id == filedRemotely.id }?.status == .deleted, "deleted through the server")
            var againRemote: String?, againLocal: String?
            do { try await remote.deleteFiling(filedRemotely.id) } catch let error as ServiceClientError { againRemote = error.errorCode }
            do { try await local.deleteFiling(filedRemotely.id) } catch let error as ServiceError { againLocal = error.errorCode }
            #expect(againRemote != nil && againRemote == againLocal, "a second deletion is refused by the same rule")
            let billsLocal = try await local.bills(), billsRemote = try await remote.bills()
            #expect(!billsLocal.isEmpty && billsLocal.map(\.id) == billsRemote.map(\.id) && billsLocal.map(\.amount) == billsRemote.map(\.amount))
            let payOn = today.adding(days: 5)
            let unpaidLocal = try await local.unpaid(expectedPaymentDate: payOn, mailed: false)
            let unpaidRemote = try await remote.unpaid(expectedPaymentDate: payOn, mailed: false)
            #expect(!unpaidLocal.isEmpty && unpaidLocal.map(\.lateFee) == unpaidRemote.map(\.lateFee) && unpaidLocal.map(\.bill.id) == unpaidRemote.map(\.bill.id),
                    "the same unpaid bills and the same late-fee computation")
            let bill = try #require(billsRemote.first)
            let issued = try await remote.issueSlip(bill: bill.id)
            #expect(issued.id == bill.id && issued.amount == bill.amount)

            // Staff: the same list; an assignment made through the server, ended through it.
            let staffLocal = try await local.staff(), staffRemote = try await remote.staff()
            #expect(staffLocal.map(\.id) == staffRemote.map(\.id) && staffLocal.map(\.personID) == staffRemote.map(\.personID))
            let assignment = StaffAssignment(personID: DemoData.employee.id, name: try PersonName(DemoData.employee.name), role: .operator,
                                             credential: .citizen, certificateSerial: "0A1B2C3D4E5F6789", phones: try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678")),
                                             email: try EmailAddress(parsing: "staff@demo.example"), mayUseAllEnrolmentFunctions: false)
            let member = try await remote.assignStaff(assignment)
            #expect(try await local.staff().contains { $0.id == member.id && $0.role == .operator && !$0.mayUseAllEnrolmentFunctions })
            try await remote.deleteStaff(member.id)
            #expect(try await local.staff().allSatisfy { $0.id != member.id })
            // Insurance status and proof: the same answers; someone insured elsewhere refused by the same rule.
            let statusLocal = try await local.insuranceStatus(of: DemoData.spouse.id, on: today)
            let statusRemote = try await remote.insuranceStatus(of: DemoData.spouse.id, on: today)
            #expect(statusLocal == statusRemote)
            let proof = try await remote.proofOfInsurance(of: DemoData.spouse.id)
            #expect(proof.status.personID == DemoData.spouse.id && proof.reference.hasPrefix("P"))
            var elsewhereRemote: String?, elsewhereLocal: String?
            do { _ = try await remote.insuranceStatus(of: DemoData.uninsured.id, on: nil) } catch let error as ServiceClientError { elsewhereRemote = error.errorCode }
            do { _ = try await local.insuranceStatus(of: DemoData.uninsured.id, on: nil) } catch let error as ServiceError { elsewhereLocal = error.errorCode }
            #expect(elsewhereRemote != nil && elsewhereRemote == elsewhereLocal, "\(String(describing: elsewhereRemote))")

            // The operator may not assign: the service's rule, through the server too.
            let operatorClient = try NHIServiceClient(.init(url: harness.baseURL))
            let op = DemoData.operator
            _ = try await operatorClient.signIn(nhiCard: op.cardNumber, personID: op.id, password: DemoData.staffPassword)
            var refusedCode: String?
            do { _ = try await RemoteUnitWorkflows(client: operatorClient, unitCode: unit).assignStaff(assignment) } catch let error as ServiceClientError {
                refusedCode = error.errorCode
            }
            #expect(refusedCode != nil && refusedCode?.hasPrefix("client.") == false, "refused by the service: \(String(describing: refusedCode))")
            try await operatorClient.shutdown()
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        await harness.stop()
    }

    @Test("Status changes (停保, 育嬰留停, 復保, 續保), basic-data changes and the audit log: the same answers and the same refusals through both")
    func statusAndBasicDataChanges() async throws {
        let harness = try await ServerHarness()
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            let unit = try UnitCode(parsing: session.unitCode)
            let remote = RemoteUnitWorkflows(client: client, unitCode: unit)
            let caller = try harness.service.staff.session(person: admin.id, unit: unit, credential: .nhiCard)
            let local = try harness.service.workflows(for: caller)
            let today = harness.service.clock.today
            let employee = DemoData.employee.id

            let suspension = StatusChangeRequest(kind: .suspend, personID: employee, date: today, reason: "出國")
            let filed = try await remote.changeStatus(suspension)
            #expect(filed.kind == .suspend && filed.personID == employee && filed.effectiveDate == today && filed.reason == "出國")
            #expect(try await local.filedToday().contains { $0.id == filed.id && $0.kind == .suspend }, "the server filed it in the same store")
            // The same rules refuse the same things, wherever they are asked.
            func codes(_ request: StatusChangeRequest) async -> (String?, String?) {
                (await code { try await remote.changeStatus(request) }, await code { try await local.changeStatus(request) })
            }
            let twice = await codes(suspension)
            #expect(twice.0 != nil && twice.0 == twice.1, "a second pending suspension: \(String(describing: twice))")
            let resumeActive = await codes(StatusChangeRequest(kind: .resume, personID: DemoData.spouse.id, date: today, reason: ""))
            #expect(resumeActive.0 == ServiceError.Code.filingNotSuspended.rawValue && resumeActive.1 == resumeActive.0,
                    "resuming someone not suspended: \(String(describing: resumeActive))")
            let notStatus = await codes(StatusChangeRequest(kind: .enrol, personID: employee, date: today, reason: ""))
            #expect(notStatus.0 == ServiceError.Code.filingKind.rawValue && notStatus.1 == notStatus.0)

            // Basic data: a new name goes through; a new birth date needs proof the API does not carry.
            let rename = BasicDataChangeRequest(personID: DemoData.spouse.id, name: try PersonName("李美鈴"))
            let renamed = try await remote.changeBasicData(rename)
            #expect(renamed.kind == .basicDataChange && renamed.name == "李美鈴")
            var proofCode: String?
            do { _ = try await remote.changeBasicData(BasicDataChangeRequest(personID: employee, birthDate: try CalendarDate(iso: "1990-02-03"))) }
            catch let error as ServiceClientError { proofCode = error.errorCode }
            #expect(proofCode == ServiceError.Code.filingProofRequired.rawValue, "\(String(describing: proofCode))")
            let proof = try UploadedDocument(fileName: "proof.pdf", data: Data("%PDF-1.4\n%%EOF\n".utf8), purpose: .proof)
            var attachedCode: String?
            do { _ = try await remote.changeBasicData(BasicDataChangeRequest(personID: employee, birthDate: try CalendarDate(iso: "1990-02-03"), attachments: [proof])) }
            catch let error as ServiceClientError { attachedCode = error.errorCode }
            #expect(attachedCode == ServiceClientError.Code.unsupported.rawValue, "attachments are refused before sending")
            let withProof = try await local.changeBasicData(BasicDataChangeRequest(personID: employee, birthDate: try CalendarDate(iso: "1990-02-03"), attachments: [proof]))
            #expect(withProof.birthDate == (try CalendarDate(iso: "1990-02-03")), "locally, with proof, it is filed")

            // The audit log: the same entries both ways, newest first; operators are refused by the same rule.
            let auditLocal = try await local.auditLog(limit: 5), auditRemote = try await remote.auditLog(limit: 5)
            #expect(auditLocal.count == 5 && auditLocal.map(\.id) == auditRemote.map(\.id) && auditLocal.map(\.action) == auditRemote.map(\.action))
            #expect(auditLocal.first?.action == "filing.basicDataChange" || auditLocal.first?.action.hasPrefix("filing.") == true,
                    "newest first: \(auditLocal.map(\.action))")
            #expect(auditRemote.allSatisfy { !$0.target.contains(employee.rawValue) && !$0.actor.contains(admin.id.rawValue) }, "IDs masked")
            let operatorClient = try NHIServiceClient(.init(url: harness.baseURL))
            _ = try await operatorClient.signIn(nhiCard: DemoData.operator.cardNumber, personID: DemoData.operator.id, password: DemoData.staffPassword)
            var operatorCode: String?
            do { _ = try await RemoteUnitWorkflows(client: operatorClient, unitCode: unit).auditLog(limit: 5) }
            catch let error as ServiceClientError { operatorCode = error.errorCode }
            #expect(operatorCode == ServiceError.Code.notAuthorised.rawValue, "\(String(describing: operatorCode))")
            try await operatorClient.shutdown()
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        await harness.stop()
    }

    @Test("Premium detail, statements (request, produce, download), payment certificate and e-payment slips: the same answers through both; a pending statement and a second cancellation refused by the same rules")
    func statementsAndPayments() async throws {
        let harness = try await ServerHarness()
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            let unit = try UnitCode(parsing: session.unitCode)
            let remote = RemoteUnitWorkflows(client: client, unitCode: unit)
            let caller = try harness.service.staff.session(person: admin.id, unit: unit, credential: .nhiCard)
            let local = try harness.service.workflows(for: caller)
            let today = harness.service.clock.today
            let month = try ROCMonth(today.adding(months: -1))

            let detailLocal = try await local.premiumDetail(month: month), detailRemote = try await remote.premiumDetail(month: month)
            #expect(!detailLocal.lines.isEmpty && detailLocal == detailRemote, "the same calculation")
            #expect(detailRemote.amountDue == detailRemote.totalInsured + detailRemote.totalUnit)

            let requested = try await remote.requestStatement(.roster, month: month, through: nil)
            #expect(requested.status == .pending && requested.kind == .roster)
            let pending = await code { try await remote.downloadStatement(requested.id) }
            let pendingLocal = await code { try await local.downloadStatement(requested.id) }
            #expect(pending == ServiceError.Code.statementNotReady.rawValue && pendingLocal == pending, "\(String(describing: pending))")
            #expect(try harness.service.statements.generatePending() == 1)
            let listed = try await remote.statementRequests()
            let listedLocal = try await local.statementRequests()
            // (Timestamps travel to the second, ISO 8601; everything else is the same value.)
            #expect(listed.first { $0.id == requested.id }?.status == .ready
                    && listed.map { "\($0.id) \($0.kind) \($0.month) \($0.status)" } == listedLocal.map { "\($0.id) \($0.kind) \($0.month) \($0.status)" })
            let tableRemote = try await remote.downloadStatement(requested.id), tableLocal = try await local.downloadStatement(requested.id)
            #expect(tableRemote == tableLocal && !tableRemote.rows.isEmpty)
            let unavailable = await code { try await remote.requestStatement(.mediaFilingFile, month: month, through: nil) }
            #expect(unavailable == ServiceError.Code.statementUnavailable.rawValue)

            let months = try ROCMonth(today.adding(months: -12))...month
            let period = today.adding(months: -12)...today
            let certificateLocal = try await local.paymentCertificate(categories: [.general, .supplementary], months: months, period: period)
            let certificateRemote = try await remote.paymentCertificate(categories: [.general, .supplementary], months: months, period: period)
            #expect(certificateLocal == certificateRemote && !certificateRemote.lines.isEmpty && certificateRemote.total > .zero,
                    "the demo's recorded payment is certified")

            #expect(try await remote.ePaymentSubscription() == nil)
            let email = try EmailAddress(parsing: "billing@demo.example")
            let subscribed = try await remote.subscribeEPayment(email: email, backupEmail: nil, transferResultNotice: true)
            #expect(subscribed.active && subscribed.email == email && subscribed.transferResultNotice)
            let seenLocally = try await local.ePaymentSubscription()
            #expect(seenLocally?.email == subscribed.email && seenLocally?.active == true && seenLocally?.effectiveMonth == subscribed.effectiveMonth,
                    "subscribed through the server, in the same store")
            let cancelled = try await local.cancelEPayment()
            let seenRemotely = try await remote.ePaymentSubscription()
            #expect(!cancelled.active && seenRemotely?.active == false)
            let again = await code { try await remote.cancelEPayment() }
            let againLocal = await code { try await local.cancelEPayment() }
            #expect(again == ServiceError.Code.ePaymentNotSubscribed.rawValue && againLocal == again)
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        await harness.stop()
    }

    @Test("Bulk salary adjustment: the same proposal and grade-to-grade list through both; filed through the server as one batch, each person looked up there; refusals alike")
    func bulkAdjustment() async throws {
        let harness = try await ServerHarness()
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            let unit = try UnitCode(parsing: session.unitCode)
            let remote = RemoteUnitWorkflows(client: client, unitCode: unit)
            let caller = try harness.service.staff.session(person: admin.id, unit: unit, credential: .nhiCard)
            let local = try harness.service.workflows(for: caller)

            let proposalRemote = try await remote.bulkAdjustmentProposal(), proposalLocal = try await local.bulkAdjustmentProposal()
            #expect(proposalRemote == proposalLocal, "the grade table's proposal, the same both ways")
            let employee = try #require(try harness.service.filings.roster(unit: unit, by: caller).first { $0.id == DemoData.employee.id })
            let byGradeRemote = try await remote.bulkAdjustment(from: employee.insuredAmount, to: 45_800)
            let byGradeLocal = try await local.bulkAdjustment(from: employee.insuredAmount, to: 45_800)
            #expect(byGradeRemote == byGradeLocal && byGradeRemote.contains { $0.person.id == employee.id }, "\(byGradeRemote)")
            let notAGrade = await code { try await remote.bulkAdjustment(from: employee.insuredAmount, to: 45_801) }
            let notAGradeLocal = await code { try await local.bulkAdjustment(from: employee.insuredAmount, to: 45_801) }
            #expect(notAGrade == ServiceError.Code.filingInsuredAmount.rawValue && notAGradeLocal == notAGrade)

            // Someone not on the roster: refused by the server's own lookup, as locally.
            let stranger = [BulkAdjustmentSelection(personID: DemoData.uninsured.id, newAmount: 45_800, reason: .notAGrade, overridden: false)]
            let refused = await code { try await remote.fileBulkAdjustment(stranger) }
            let refusedLocal = await code { try await local.fileBulkAdjustment(stranger) }
            #expect(refused == ServiceError.Code.filingNotInsuredHere.rawValue && refusedLocal == refused)

            let filed = try await remote.fileBulkAdjustment(byGradeRemote.map(BulkAdjustmentSelection.init))
            #expect(filed.count == byGradeRemote.count && Set(filed.compactMap(\.batchID)).count == 1, "one batch")
            let mine = try #require(filed.first { $0.personID == employee.id })
            #expect(mine.kind == .salaryAdjustment && mine.adjustedAmount == 45_800 && mine.insuredAmount == employee.insuredAmount)
            #expect(mine.name == employee.name.value, "the name is the roster's")
            let again = await code { try await local.fileBulkAdjustment(byGradeRemote.map(BulkAdjustmentSelection.init)) }
            #expect(again == ServiceError.Code.filingDuplicatePending.rawValue, "filed once: the pending adjustment refuses a second")
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        await harness.stop()
    }

    @Test("Filing import (check, import once, never twice), the filed-data listing and card applications: the same rows and the same refusals through both")
    func filingImportAndListing() async throws {
        let harness = try await ServerHarness()
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            let unit = try UnitCode(parsing: session.unitCode)
            let remote = RemoteUnitWorkflows(client: client, unitCode: unit)
            let caller = try harness.service.staff.session(person: admin.id, unit: unit, credential: .nhiCard)
            let local = try harness.service.workflows(for: caller)
            let today = harness.service.clock.today
            let bad = Array("""
                kind,id,name,birthDate,amount,date,dependantOf,relation
                adjust,\(DemoData.employee.id.rawValue),,,38200,
                withdraw,\(DemoData.uninsured.id.rawValue),,,,\(today.iso)
                """.utf8)
            let rejectedRemote = try await remote.checkFilingImport(bad), rejectedLocal = try await local.checkFilingImport(bad)
            #expect(rejectedRemote.map(\.row) == [2] && rejectedRemote == rejectedLocal, "第2筆 (the header not counted): \(rejectedRemote)")
            let refused = await code { try await remote.importFilings(bad, fileName: "bad.csv") }
            #expect(refused == ServiceError.Code.filingImportRejected.rawValue, "one bad row refuses the file")
            let malformed = await code { try await remote.checkFilingImport(Array("enrol,not-an-id\n".utf8)) }
            #expect(malformed == ServiceError.Code.filingImportFormat.rawValue)

            let good = Array("adjust,\(DemoData.employee.id.rawValue),,,38200,\n".utf8)
            #expect(try await remote.checkFilingImport(good).isEmpty)
            let imported = try await remote.importFilings(good, fileName: "good.csv")
            #expect(imported.imported == 1 && !imported.alreadyImported)
            let again = try await local.importFilings(good, fileName: "good.csv")
            #expect(again.alreadyImported && again.imported == 0 && again.batchID == imported.batchID, "the same file is never imported twice")

            let listingLocal = try await local.filingListing(from: today, through: today)
            let listingRemote = try await remote.filingListing(from: today, through: today)
            #expect(listingLocal.map(\.id) == listingRemote.map(\.id) && listingRemote.contains { $0.kind == .salaryAdjustment && $0.adjustedAmount == 38_200 })

            // Card applications: the same list both ways; the photo rule and the unit rule refuse alike.
            let email = try EmailAddress(parsing: "wang@demo.example")
            let phones = try ContactPhones(landline: nil, mobile: MobileNumber(parsing: "0912345678"))
            let applied = try await remote.applyForCard(DemoData.employee.id, reason: .lost, email: email, phones: phones,
                                                        pickup: .counter(office: "臺北業務組"), photo: nil)
            #expect(applied.reason == .lost && applied.personID == DemoData.employee.id && applied.unitCode == unit)
            let appsLocal = try await local.cardApplications(of: DemoData.employee.id), appsRemote = try await remote.cardApplications(of: DemoData.employee.id)
            #expect(appsRemote.map(\.id) == appsLocal.map(\.id) && appsRemote.contains { $0.id == applied.id })
            let noPhoto = await code { try await remote.applyForCard(DemoData.employee.id, reason: .newPhoto, email: email, phones: phones,
                                                                     pickup: .counter(office: "臺北業務組"), photo: nil) }
            let noPhotoLocal = await code { try await local.applyForCard(DemoData.employee.id, reason: .newPhoto, email: email, phones: phones,
                                                                         pickup: .counter(office: "臺北業務組"), photo: nil) }
            #expect(noPhoto == ServiceError.Code.cardApplicationPhotoMissing.rawValue && noPhotoLocal == noPhoto)
            let elsewhere = await code { try await remote.cardApplications(of: DemoData.uninsured.id) }
            let elsewhereLocal = await code { try await local.cardApplications(of: DemoData.uninsured.id) }
            #expect(elsewhere == ServiceError.Code.filingNotInsuredHere.rawValue && elsewhereLocal == elsewhere)
        } catch {
            Issue.record("\(error)")
        }
        try await client.shutdown()
        await harness.stop()
    }

    /// The stable code of what `body` threw (nil: it did not throw).
    private func code<T>(_ body: () async throws -> T) async -> String? {
        do {
            _ = try await body()
            return nil
        } catch let error as ServiceClientError {
            return error.errorCode
        } catch let error as ServiceError {
            return error.errorCode
        } catch {
            return "\(error)"
        }
    }
}
