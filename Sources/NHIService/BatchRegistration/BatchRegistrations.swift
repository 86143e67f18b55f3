import Crypto
import Foundation
import NHICore
import NHIFormats

extension NHIService {
    /// Batch NHI-card online-service registration jobs (健保卡整批註冊, SPEC §5).
    public var batchRegistrations: BatchRegistrations { BatchRegistrations(core: self) }

    /// Batch NHI-card registration (健保卡整批註冊, SPEC §5): an administrator or operator
    /// uploads a file for the unit; processing checks every row with
    /// `BatchRegistrationChecker` against the unit's in-force roster, registers the valid rows
    /// (each person gets a verification mail, 5 days), writes the result log in the NHI's
    /// format and mails the totals to the upload's contact. Records are kept 3 months.
    ///
    /// Visibility (seed 003): an administrator sees the whole unit's uploads; an operator
    /// only their own.
    public struct BatchRegistrations: Sendable {
        let core: NHIService

        /// How long upload records are kept (近3個月).
        public static let retentionMonths = 3

        /// The largest file an upload takes: 10 MB (about 200,000 rows), so that a file held
        /// in memory and in the store stays bounded. Larger files are refused with
        /// `batchJob.fileTooLarge`; split them.
        public static let maximumFileSize = 10 << 20

        /// Reads an upload from `path` as a counter or a program should: not through a
        /// symbolic link, a regular file only, at most ``maximumFileSize`` bytes (a file that
        /// grows while it is read is refused, never cut).
        public static func readFile(atPath path: String) throws(ServiceError) -> [UInt8] {
            let name = (path as NSString).lastPathComponent
            do {
                return try SafeFile.read(path, maximumSize: maximumFileSize)
            } catch where error.code == .fileTooLarge {
                throw ServiceError(.batchFileTooLarge, context: ["file": name])
            } catch {
                throw ServiceError(.batchFileUnreadable, wrapping: error, context: ["file": name])
            }
        }

        /// Stores an upload for `unit`, waiting to be processed (已上傳,等待入檔). The file is
        /// checked first: file-level faults (unreadable, a file name naming another unit, not
        /// a .csv file) refuse the upload; row faults are reported in the log when it is
        /// processed.
        /// Contact name and e-mail default to the uploading staff member's.
        public func upload(_ bytes: [UInt8], fileName: String, unit: UnitCode, contactName: String? = nil,
                           contactEmail: EmailAddress? = nil, by caller: Caller) throws(ServiceError) -> BatchRegistrationJob {
            try core.authorise(.batchRegistration, caller, unit: unit)
            let name = try TextRule.fileName.checked((fileName as NSString).lastPathComponent)
            guard bytes.count <= Self.maximumFileSize else { throw ServiceError(.batchFileTooLarge, context: ["file": name]) }
            let checker = BatchRegistrationChecker(.init(unitCode: unit, fileName: name, today: core.clock.today))
            let report: BatchRegistrationReport
            do { report = try checker.check(.bytes(bytes, name: name)) } catch {
                throw ServiceError(.batchFileUnreadable, wrapping: error, context: ["file": name])
            }
            // File-level errors refuse the upload, and so do a name naming another unit and a
            // file that is not .csv (只限上傳.csv檔); other naming slips stay warnings.
            let refusedNames: Set<FormatError.Code> = [.batchFileNameUnitCode, .batchFileNameExtension]
            if let fault = report.errors.first(where: { $0.row == 0 }) ?? report.warnings.first(where: { refusedNames.contains($0.code) }) {
                throw ServiceError(.batchFileRejected, context: ["file": name, "cause": fault.code.rawValue],
                                   detail: (fault.message, fault.messageEn))
            }
            let sha = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            let now = core.clock.now
            return try core.write { w in
                guard let account = try w.unit(unit) else { throw ServiceError(.unitNotRegistered, context: ["unit": unit.rawValue]) }
                let staff = try caller.staffID.flatMap { try w.staff(id: $0) }
                let email = contactEmail ?? staff?.email ?? account.unit.email
                let contact = try TextRule.contactName.checkedOptional(contactName) ?? staff?.name.value ?? account.unit.name
                try w.deleteBatchJobs(uploadedBefore: Self.retentionStart(today: core.clock.today).startInTaiwan)
                var job = BatchRegistrationJob(id: 0, unitCode: unit, fileName: name, fileSHA256: sha, contactName: contact,
                                               contactEmail: email, uploadedAt: now, uploaderID: caller.personID,
                                               uploadedBy: caller.description)
                let id = try w.insert(job, file: bytes)
                job = try w.batchJob(id: id) ?? job
                try core.record(w, caller, unit: unit, action: "batchRegistration.upload", target: "job #\(id)",
                                detail: "\(name) sha256 \(sha.prefix(12))")
                return job
            }
        }

        /// Checks a file as ``process(_:by:)`` will, against the unit's in-force roster today,
        /// and stores nothing: what a counter shows before the upload (row errors, suggested
        /// fixes). `onRow` sees each data row's outcome (masked ID, rejection) in order.
        ///
        /// The file is read from `source` (NHIFormats' `ByteInput`: a file path or bytes), in bounded
        /// memory whatever its size. Staff of the unit with ``UnitAction/batchRegistration``.
        public func check(_ source: ByteInput, fileName: String, unit: UnitCode, by caller: Caller,
                          onRow: (BatchRowOutcome) throws(FormatError) -> Void = { _ in }) throws(ServiceError) -> BatchRegistrationReport {
            try core.authorise(.batchRegistration, caller, unit: unit)
            let today = core.clock.today
            let roster = try core.read { try $0.coverages(unit: unit, inForceOn: today).map(\.personID) }
            let checker = Self.checker(unit: unit, roster: roster, fileName: fileName, today: today)
            do { return try checker.check(source, onRow: onRow) } catch {
                throw ServiceError(.batchFileUnreadable, wrapping: error, context: ["file": fileName])
            }
        }

        /// The checker the service applies to a unit's uploads on a day.
        static func checker(unit: UnitCode, roster: [PersonalID], fileName: String, today: CalendarDate) -> BatchRegistrationChecker {
            BatchRegistrationChecker(.init(unitCode: unit, roster: InForceIDSet(roster), fileName: fileName, today: today))
        }

        /// Processes a waiting upload (入檔) in one transaction: rows not in the unit's
        /// in-force roster on the day, invalid or duplicated rows, and people already
        /// registered are rejected with the log's reason; the others get a pending account
        /// and a verification mail. The log and the totals are stored, and the contact is
        /// mailed. A processed job is returned as it is. Administrators (and the service's own
        /// jobs) process any upload of the unit; operators only their own.
        @discardableResult
        public func process(_ jobID: Int64, by caller: Caller = .system) throws(ServiceError) -> BatchRegistrationJob {
            let now = core.clock.now, today = core.clock.today
            return try core.write { w in
                guard var job = try w.batchJob(id: jobID) else { throw ServiceError(.batchJobNotFound, context: ["job": "\(jobID)"]) }
                if caller.standing != .system, !caller.isStaff(of: job.unitCode) {
                    throw ServiceError(.notAuthorised, context: ["caller": caller.description])
                }
                // The same visibility as records and the log: another operator's upload is "not found".
                guard visible(job, to: caller) else { throw ServiceError(.batchJobNotFound, context: ["job": "\(jobID)"]) }
                guard job.status == .waiting else { return job }
                guard let unit = try w.unit(job.unitCode), let bytes = try w.batchJobFile(id: jobID) else {
                    throw ServiceError(.batchJobNotFound, context: ["job": "\(jobID)"])
                }
                let checker = Self.checker(unit: job.unitCode, roster: try w.coverages(unit: job.unitCode, inForceOn: today).map(\.personID),
                                           fileName: "", today: today)
                var outcomes: [BatchRowOutcome] = []
                do {
                    _ = try checker.check(.bytes(bytes, name: job.fileName)) { (outcome) throws(FormatError) in outcomes.append(outcome) }
                } catch {
                    throw ServiceError(.batchFileUnreadable, wrapping: error, context: ["file": job.fileName])
                }
                let time = LocalDateTime(secondsSinceEpoch: Int64(now.timeIntervalSince1970.rounded(.down)))
                var entries: [BatchRegistrationLog.Entry] = []
                entries.reserveCapacity(outcomes.count)
                for outcome in outcomes {
                    var result: BatchRegistrationLog.Entry.Outcome = outcome.rejection.map { .rejected(reason: $0.text) } ?? .registered
                    if case .registered = result {
                        if let entry = outcome.entry,
                           try core.accounts.registerFromBatch(w, personID: entry.id, email: entry.email,
                                                               phones: try? ContactPhones(landline: entry.landline, mobile: entry.mobile),
                                                               unit: unit) {
                            result = .registered
                        } else {
                            result = .rejected(reason: Self.alreadyRegistered)
                        }
                    }
                    entries.append(BatchRegistrationLog.Entry(record: outcome.record, id: outcome.maskedID, outcome: result, time: time))
                }
                let uploaded = LocalDateTime(secondsSinceEpoch: Int64(job.uploadedAt.timeIntervalSince1970.rounded(.down)))
                let log: BatchRegistrationLog
                do {
                    log = try BatchRegistrationLog(uploadFileName: job.fileName, stampedAt: uploaded, startedAt: time, finishedAt: time,
                                                   entries: entries)
                } catch {
                    throw ServiceError(.batchFileUnreadable, wrapping: error, context: ["file": job.fileName])
                }
                job.status = .processed
                job.total = log.total
                job.succeeded = log.succeeded
                job.failed = log.failed
                job.processedAt = now
                job.logFileName = log.fileName
                job.logText = log.text()
                try w.update(job)
                _ = try w.enqueue(MailTemplates.batchRegistrationResult(job, unitName: unit.unit.name, now: now))
                try core.record(w, caller, unit: job.unitCode, action: "batchRegistration.process", target: "job #\(jobID)",
                                detail: "total \(log.total) succeeded \(log.succeeded) failed \(log.failed)")
                return job
            }
        }

        /// Processes every waiting upload, oldest first (the nightly job; the caller runs it
        /// with its clock). Returns the processed jobs.
        public func processWaiting(by caller: Caller = .system) throws(ServiceError) -> [BatchRegistrationJob] {
            let waiting = try core.read { try $0.batchJobs(status: .waiting) }
            var done: [BatchRegistrationJob] = []
            for job in waiting { done.append(try process(job.id, by: caller)) }
            return done
        }

        /// The upload-record query (健保卡註冊申請上傳紀錄查詢): uploads of `unit` made from
        /// `from` through `through` (upload days in Taiwan; default: the 3 months kept),
        /// optionally in one status, newest first. Administrators (and the service's own
        /// jobs) see the whole unit; operators their own uploads. A range reaching before the 3 months kept is refused.
        public func records(unit: UnitCode, from: CalendarDate? = nil, through: CalendarDate? = nil,
                            status: BatchRegistrationJobStatus? = nil, by caller: Caller) throws(ServiceError) -> [BatchRegistrationJob] {
            guard caller.standing == .system || caller.isStaff(of: unit) else {
                throw ServiceError(.notAuthorised, context: ["caller": caller.description, "unit": unit.rawValue])
            }
            let today = core.clock.today
            let earliest = Self.retentionStart(today: today)
            let start = from ?? earliest, end = through ?? today
            guard start >= earliest else { throw ServiceError(.batchQueryRange, context: ["from": start.iso, "earliest": earliest.iso]) }
            guard start <= end else { throw ServiceError(.batchQueryRange, context: ["from": start.iso, "through": end.iso]) }
            let jobs = try core.read { try $0.batchJobs(unit: unit, uploadedFrom: start.startInTaiwan, before: end.adding(days: 1).startInTaiwan) }
            return jobs.filter { job in
                (status == nil || job.status == status) && visible(job, to: caller)
            }
        }

        /// One upload record, if the caller may see it (``ServiceError/Code/batchJobNotFound``
        /// otherwise: another operator's upload does not reveal that it exists).
        public func job(_ id: Int64, by caller: Caller) throws(ServiceError) -> BatchRegistrationJob {
            let job = try core.read { try $0.batchJob(id: id) }
            guard let job, visible(job, to: caller),
                  job.uploadedAt >= Self.retentionStart(today: core.clock.today).startInTaiwan else {
                throw ServiceError(.batchJobNotFound, context: ["job": "\(id)"])
            }
            return job
        }

        /// The log as the NHI's file: CP950 with CRLF line ends, to save under
        /// ``BatchRegistrationJob/logFileName``.
        public func logBytes(_ job: BatchRegistrationJob) throws(ServiceError) -> [UInt8] {
            guard let text = job.logText, let name = job.logFileName else {
                throw ServiceError(.batchJobNotProcessed, context: ["job": "\(job.id)"])
            }
            do { return try BatchRegistrationLog(parsing: text, fileName: name).bytes() } catch {
                throw ServiceError(.batchFileUnreadable, wrapping: error, context: ["file": name])
            }
        }

        /// The reason in the log for a person who already has an active registration (our
        /// wording; the NHI's is not documented).
        public static let alreadyRegistered = "已完成健保卡網路服務註冊"

        /// The first upload day still kept.
        static func retentionStart(today: CalendarDate) -> CalendarDate { today.adding(months: -retentionMonths) }

        private func visible(_ job: BatchRegistrationJob, to caller: Caller) -> Bool {
            if caller.standing == .system || caller.isAdministrator(of: job.unitCode) { return true }
            return caller.isStaff(of: job.unitCode) && caller.personID != nil && job.uploaderID == caller.personID
        }
    }
}
