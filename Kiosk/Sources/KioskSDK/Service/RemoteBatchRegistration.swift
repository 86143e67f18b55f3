import Foundation
import KioskModel
import NHICore
import NHIService
import NHIServiceClient

/// Batch NHI-card registration through the office's `nhi-server` (`--service`): the file is
/// read here (no link followed, at most 10 MB, as a local upload), checked and uploaded by
/// the server, which processes it (入檔) and keeps the result log. The screen gets the same
/// report and records as with a local database (``ServiceBatchRegistration``).
public struct RemoteBatchRegistration: BatchRegistrationBackend {
    /// The signed-in client.
    public let client: NHIServiceClient

    /// A backend over `client`'s session.
    public init(client: NHIServiceClient) {
        self.client = client
    }

    public func check(fileAt path: String, unit: UnitCode, by caller: Caller) async throws -> BatchCheckReport {
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes = try await Self.read(path)
        return ServiceBatchRegistration.report(try await client.checkBatchRegistration(bytes, fileName: name, unit: unit))
    }

    public func submit(fileAt path: String, by caller: Caller) async throws -> BatchUploadRecord {
        guard let unit = caller.unitCode else { throw KioskError(.sessionMissing) }
        let name = URL(fileURLWithPath: path).lastPathComponent
        let bytes = try await Self.read(path)
        return ServiceBatchRegistration.record(try await client.uploadBatchRegistration(bytes, fileName: name, unit: unit))
    }

    public func uploads(unit: UnitCode, from: CalendarDate, through: CalendarDate, by caller: Caller) async throws -> [BatchUploadRecord] {
        try await client.batchRegistrations(unit: unit, from: from, through: through).map(ServiceBatchRegistration.record)
    }

    /// The file's bytes, read off the cooperative pool.
    static func read(_ path: String) async throws -> [UInt8] {
        try await Task.detached(priority: .userInitiated) { try NHIService.BatchRegistrations.readFile(atPath: path) }.value
    }
}
