import ArgumentParser
import Foundation
import NHICore
import NHIFormats
import NHIService
import NHIServiceClient

/// `nhi service batch-register upload|process|records|log`: batch NHI-card registration jobs.
struct ServiceBatchRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch-register",
        abstract: "健保卡整批註冊 — Batch NHI-card registration uploads, records and logs.",
        discussion: "Records are kept 3 months. Administrators see the unit's uploads; operators their own.",
        subcommands: [Upload.self, Process.self, Records.self, Log.self])

    /// `--status waiting|processed|all`.
    struct StatusOption: ExpressibleByArgument {
        let status: BatchRegistrationJobStatus?
        init?(argument: String) {
            switch argument.lowercased() {
            case "all", "全部": status = nil
            case "waiting", "已上傳,等待入檔", "等待入檔": status = .waiting
            case "processed", "done", "入檔完畢": status = .processed
            default: return nil
            }
        }
        static var allValueStrings: [String] { ["waiting", "processed", "all"] }
        /// What `--help` shows as the default.
        var defaultValueDescription: String {
            switch status {
            case nil: "all"
            case .waiting: "waiting"
            case .processed: "processed"
            }
        }
    }

    struct Upload: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "健保卡註冊申請整批資料上傳 — Upload a file for the unit and process it against the in-force roster.",
            discussion: """
                The file (unit code + date .csv) is processed at once unless --defer is given (then it waits for \
                `nhi service batch-register process`). JSON: the job (see `records`).
                """)
        @OptionGroup var options: ServiceOptions
        @Argument(help: "上傳檔 — the CSV file.") var file: String
        @Option(name: .customLong("contact"), help: "聯絡人 (default: the uploader)") var contact: String?
        @Option(name: .customLong("contact-email"), help: "聯絡人E-Mail (default: the uploader's)") var contactEmail: String?
        @Flag(name: .customLong("defer"), help: "只上傳，稍後入檔 — store it waiting (已上傳,等待入檔).") var deferred = false

        func run() async throws {
            let data = try NHIService.BatchRegistrations.readFile(atPath: file)
            let email = try contactEmail.map { try EmailAddress(parsing: Normalizer.text.normalize($0).value) }
            if let url = options.serviceURL {
                // Through nhi-server: it checks, stores and (unless set to wait) processes the upload.
                guard !deferred else { throw ValidationError("--defer 不適用於 --service — the server decides when an upload is processed") }
                let job = try await options.withRemoteSession(url) { client, unit in
                    try await client.uploadBatchRegistration(data, fileName: (file as NSString).lastPathComponent, unit: unit,
                                                             contactName: contact, contactEmail: email)
                }
                if options.json { job.json.printLine() } else { printJobs([job]) }
                return
            }
            let service = try options.service()
            let caller = try options.caller(service)
            var job = try service.batchRegistrations.upload(data, fileName: file, unit: caller.unitCode!, contactName: contact,
                                                            contactEmail: email, by: caller)
            if !deferred { job = try service.batchRegistrations.process(job.id, by: caller) }
            if options.json { job.json.printLine() } else { printJobs([job]) }
        }
    }

    struct Process: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "入檔 — Process one waiting upload, or all of them (the nightly job).",
            discussion: "With --unit: the caller's visible uploads (an operator's own; an administrator's unit). With --system: any upload, audited.")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "紀錄編號 (default: every waiting upload)") var jobID: Int64?

        func run() throws {
            let service = try options.service()
            let caller = try options.callerOrSystem(service)
            let jobs = try jobID.map { [try service.batchRegistrations.process($0, by: caller)] }
                ?? service.batchRegistrations.processWaiting(by: caller)
            if options.json { JSONValue.array(jobs.map(\.json)).printLine() } else { printJobs(jobs) }
        }
    }

    struct Records: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "健保卡註冊申請上傳紀錄查詢 — Upload records of the unit (3 months).",
            discussion: """
                JSON: [{"id","unit","fileName","contact","contactEmail","uploadedAt","uploadedBy","total","succeeded","failed",\
                "status","statusLabel","processedAt","logFileName"}]; times are ISO 8601 with the Taiwan offset.
                """)
        @OptionGroup var options: ServiceOptions
        @Option(help: "上傳日期起 (ROC yyyMMdd or YYYY-MM-DD; default: 3 months ago)") var from: String?
        @Option(help: "上傳日期迄 (default: today)") var to: String?
        @Option(help: "處理狀態 waiting | processed | all") var status: StatusOption = StatusOption(argument: "all")!

        func run() async throws {
            if let url = options.serviceURL {
                let through = try to.map(parseDate) ?? .today()
                let since = try from.map(parseDate) ?? through.adding(months: -3)
                let jobs = try await options.withRemoteSession(url) { client, unit in
                    try await client.batchRegistrations(unit: unit, from: since, through: through)
                }.filter { status.status == nil || $0.status == status.status }
                if options.json { JSONValue.array(jobs.map(\.json)).printLine() } else { printJobs(jobs) }
                return
            }
            let service = try options.service()
            let caller = try options.caller(service)
            let jobs = try service.batchRegistrations.records(unit: caller.unitCode!, from: try from.map(parseDate),
                                                              through: try to.map(parseDate), status: status.status, by: caller)
            if options.json { JSONValue.array(jobs.map(\.json)).printLine() } else { printJobs(jobs) }
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "入檔記錄 — Print an upload's result log (or write it, CP950 with CRLF, as the NHI's file with --out DIR).")
        @OptionGroup var options: ServiceOptions
        @Argument(help: "紀錄編號") var jobID: Int64
        @Option(help: "寫入目錄 — write <upload>.<ROC time>.log into this directory") var out: String?

        func run() throws {
            let service = try options.service()
            let caller = try options.callerOrSystem(service)
            let job = try service.batchRegistrations.job(jobID, by: caller)
            guard let text = job.logText, let name = job.logFileName else {
                throw ServiceError(.batchJobNotProcessed, context: ["job": "\(jobID)"])
            }
            if let out {
                let path = (out as NSString).appendingPathComponent(name)
                let bytes = try service.batchRegistrations.logBytes(job)
                try SafeFile.write(bytes, to: path)
                print(path)
            } else {
                let output = ByteOutput()
                output.write(text.replacingOccurrences(of: "\r\n", with: "\n"))
                output.flush()
            }
        }
    }
}

extension BatchRegistrationJob {
    /// The record-query row as JSON.
    var json: JSONValue {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        return .object([
            ("id", .int(id)), ("unit", .string(unitCode.rawValue)), ("fileName", .string(fileName)), ("contact", .string(contactName)),
            ("contactEmail", .string(contactEmail.rawValue)), ("uploadedAt", .string(formatter.string(from: uploadedAt))),
            ("uploadedBy", .string(uploadedBy)), ("total", .int(total)), ("succeeded", .int(succeeded)), ("failed", .int(failed)),
            ("status", .string(status.rawValue)), ("statusLabel", .string(status.label)),
            ("processedAt", processedAt.map { .string(formatter.string(from: $0)) } ?? .null), ("logFileName", .string(logFileName)),
        ])
    }
}

/// The upload-record table of seed 003.
private func printJobs(_ jobs: [BatchRegistrationJob]) {
    printTable(header: ["編號 id", "上傳檔名 file", "聯絡人 contact", "上傳時間 uploaded", "上傳筆數", "成功筆數", "失敗筆數", "處理狀態 status", "上傳人員 by"],
               rows: jobs.map { [String($0.id), $0.fileName, $0.contactName, ROCDate.timestamp($0.uploadedAt), String($0.total),
                                 String($0.succeeded), String($0.failed), $0.status.label, $0.uploadedBy] },
               rightAligned: [0, 4, 5, 6])
    print("【共\(jobs.count)筆資料】 \(jobs.count) record(s)")
}
