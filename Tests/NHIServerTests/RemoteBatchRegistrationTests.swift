import Foundation
import KioskModel
import KioskSDK
import NHICore
import NHIService
import NHIServiceClient
import NHITestSupport
import Testing

/// Batch NHI-card registration through nhi-server: the kiosk's `--service` backend gives
/// the same check report as a counter with its own database, the upload is processed (入檔)
/// on the server with its result log, and the records list it. Real server, real client.
@Suite("Batch registration over nhi-server")
struct RemoteBatchRegistrationTests {
    @Test("RemoteBatchRegistration reports what ServiceBatchRegistration reports (records, masked IDs, repairs); the server processes the upload and lists it; an operator sees only their own")
    func remoteAndLocalAgree() async throws {
        let harness = try await ServerHarness()
        let client = try NHIServiceClient(.init(url: harness.baseURL))
        let operatorClient = try NHIServiceClient(.init(url: harness.baseURL))
        do {
            let admin = DemoData.administrator
            let session = try await client.signIn(nhiCard: admin.cardNumber, personID: admin.id, password: DemoData.staffPassword)
            let unit = try UnitCode(parsing: session.unitCode)
            let caller = try harness.service.staff.session(person: admin.id, unit: unit, credential: .nhiCard)
            let today = harness.service.clock.today
            let directory = NSTemporaryDirectory() + "nhi-batch-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = directory + "/\(unit.rawValue)\(try ROCDate(today).formatted(.compact)).csv"
            let employee = DemoData.employee.id.rawValue
            try Data("""
                身分證號,電子郵件,行動電話,聯絡電話
                \(employee),wang@example.com.tw,912345678,
                A123456788,bad@example.com.tw,0912345678,

                """.utf8).write(to: URL(fileURLWithPath: path))

            let remote = RemoteBatchRegistration(client: client)
            let local = ServiceBatchRegistration(service: KioskService(harness.service), processesOnUpload: false)
            let remoteReport = try await remote.check(fileAt: path, unit: unit, by: caller)
            let localReport = try await local.check(fileAt: path, unit: unit, by: caller)
            #expect(remoteReport == localReport, "remote \(remoteReport)\nlocal \(localReport)")
            #expect(remoteReport.rows == 2 && remoteReport.validRows == 1 && remoteReport.encoding == localReport.encoding)
            let repaired = remoteReport.issues.first { $0.row == 1 }
            #expect(repaired?.isWarning == true && repaired?.suggestion == "0912345678" && repaired?.maskedID == Masking.id(employee))
            let rejected = remoteReport.issues.first { $0.row == 2 }
            #expect(rejected?.isWarning == false && rejected?.maskedID == "A12345****" && rejected?.field != nil)

            // Submitted: the server stores and processes it at once; the log masks IDs.
            let record = try await remote.submit(fileAt: path, by: caller)
            #expect(record.status == .done && record.uploaded == 2 && record.succeeded == 1 && record.failed == 1, "\(record)")
            #expect(!record.logLines.isEmpty && !record.logLines.joined().contains(employee))
            let listed = try await remote.uploads(unit: unit, from: today, through: today, by: caller)
            #expect(listed.map(\.id) == [record.id] && listed.first?.status == .done)

            // An operator sees only their own uploads.
            let clerk = DemoData.operator
            _ = try await operatorClient.signIn(nhiCard: clerk.cardNumber, personID: clerk.id, password: DemoData.staffPassword)
            let clerkCaller = try harness.service.staff.session(person: clerk.id, unit: unit, credential: .nhiCard)
            let clerks = RemoteBatchRegistration(client: operatorClient)
            #expect(try await clerks.uploads(unit: unit, from: today, through: today, by: clerkCaller).isEmpty)
            let own = try await clerks.submit(fileAt: path, by: clerkCaller)
            #expect(try await clerks.uploads(unit: unit, from: today, through: today, by: clerkCaller).map(\.id) == [own.id])
            #expect(try await remote.uploads(unit: unit, from: today, through: today, by: caller).count == 2, "the administrator sees both")

            // A file that is not there: the kiosk's own read error, nothing sent.
            await #expect(throws: (any Error).self) { try await remote.check(fileAt: directory + "/missing.csv", unit: unit, by: caller) }
        } catch {
            Issue.record("\(error)")
        }
        try await operatorClient.shutdown()
        try await client.shutdown()
        await harness.stop()
    }
}
