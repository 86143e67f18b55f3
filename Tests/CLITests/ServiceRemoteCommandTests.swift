import Foundation
#if canImport(Glibc)
import Glibc
#endif
import NHICards
import NHICore
import NHIService
import NHITestSupport
import Testing

/// `nhi service … --service`: the CLI as a client of a real `nhi-server` child over TLS
/// (an office CA made with openssl), with the staff member's virtual NHI card in vpcd's
/// reader through pcscd.
@Suite("nhi service --service: the CLI through nhi-server", .serialized)
struct ServiceRemoteCommandTests {
    /// An office CA and a certificate for 127.0.0.1, made with openssl in `directory`.
    static func makeCA(in directory: URL) throws {
        let script = """
            set -e
            cd '\(directory.path)'
            openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 30 -subj '/CN=NHI CLI Test CA' \
              -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' 2>/dev/null
            openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=127.0.0.1' 2>/dev/null
            printf 'subjectAltName=IP:127.0.0.1\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' > server.ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 30 -extfile server.ext 2>/dev/null
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl made the office CA")
    }

    @Test("login (card in the reader, password on stdin), enrol, adjust, roster, results through the server; other commands refuse --service; logout revokes")
    func throughServer() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhi-cli-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.makeCA(in: directory)
        let db = directory.appendingPathComponent("office.sqlite").path
        do {
            let store = try SQLiteStore(path: db)
            _ = try DemoData.seed(store, today: .today())
        }
        let port = ServerLoadTests.freePort()
        let url = "https://127.0.0.1:\(port)", ca = directory.appendingPathComponent("ca.pem").path
        let server = Process()
        server.executableURL = CLI.binary("nhi-server")
        server.arguments = ["--db", db, "--port", "\(port)", "--tls-cert", directory.appendingPathComponent("server.pem").path,
                            "--tls-key", directory.appendingPathComponent("server.key").path]
        server.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        server.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let state = directory.appendingPathComponent("state").path
        let env = ["XDG_STATE_HOME": state, "NHI_LOGIN_PASSWORD": ""]
        let sessionFile = state + "/nhi/service-session.json"
        // The server is up when it answers /healthz.
        for _ in 0..<100 {
            if (try? CLI.run(["service", "whoami", "--service", url, "--ca-file", ca], environment: env))?.stderr.contains("client.unreachable") == false { break }
            try await Task.sleep(for: .milliseconds(100))
        }

        let admin = DemoData.administrator
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await first.insert(VirtualNHICard(identity: NHICardIdentity(
                cardNumber: admin.cardNumber, name: PersonName(admin.name), id: admin.id, birthDate: ROCDate(admin.birthDate),
                sex: admin.sex, issueDate: ROCDate(admin.cardIssued))))
            let wrong = try CLI.run(["service", "login", "--service", url, "--ca-file", ca], stdin: Data("Wrong-2026b\n".utf8), environment: env)
            #expect(wrong.status == 1 && wrong.stderr.contains("9039"), "the server refused the wrong password: \(wrong.stderr)")
            #expect(!FileManager.default.fileExists(atPath: sessionFile), "no session is kept after a refusal")
            let login = try CLI.run(["service", "login", "--service", url, "--ca-file", ca, "--json"],
                                    stdin: Data("\(DemoData.staffPassword)\n".utf8), environment: env)
            #expect(login.status == 0, "\(login.stderr)")
            let who = try login.json()
            #expect(who["role"] as? String == "administrator" && who["unit"] as? String == DemoData.unit.code.rawValue)
            #expect(who["maskedID"] as? String == admin.id.masked)
            let attributes = try FileManager.default.attributesOfItem(atPath: sessionFile)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "the session file is 0600")
            let token = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sessionFile))) as? [String: Any])["token"] as? String
            for output in [login.stdout, login.stderr, wrong.stdout, wrong.stderr] {
                #expect(!output.contains(DemoData.staffPassword) && !output.contains(token ?? "-"), "no password or token printed")
            }
        }

        // Filings through the server, with the kept session (no card needed any more).
        let person = DemoData.uninsured, employee = DemoData.employee
        let enrol = try CLI.run(["service", "filing", "enrol", "--service", url, "--ca-file", ca, "--id", person.id.rawValue,
                                 "--name", person.name, "--birth-date", person.birthDate.iso, "--salary", "36000", "--json"], environment: env)
        #expect(enrol.status == 0, "\(enrol.stderr)")
        let filed = try enrol.jsonLines().first
        #expect(filed?["kind"] as? String == "enrol" && filed?["insuredAmount"] as? Int == 36_300, "the salary's grade, from the SDK's tables")
        let adjust = try CLI.run(["service", "filing", "adjust", "--service", url, "--ca-file", ca, "--id", employee.id.rawValue,
                                  "--amount", "45800", "--json"], environment: env)
        #expect(adjust.status == 0, "\(adjust.stderr)")
        let roster = try CLI.run(["service", "roster", DemoData.unit.code.rawValue, "--service", url, "--ca-file", ca, "--json"], environment: env)
        #expect(roster.status == 0, "\(roster.stderr)")
        let people = try roster.json()["people"] as? [[String: Any]] ?? []
        #expect(people.contains { $0["id"] as? String == employee.id.rawValue })
        let results = try CLI.run(["service", "filing", "results", "--service", url, "--ca-file", ca, "--from", Date.now.formatted(.iso8601.year().month().day()),
                                   "--json"], environment: env)
        #expect(results.status == 0, "\(results.stderr)")

        // A dependant goes through whole; attached documents are refused before anything is sent; so is another unit.
        let dependant = try CLI.run(["service", "filing", "enrol", "--service", url, "--ca-file", ca, "--id", "A234567893",
                                     "--name", "王小華", "--birth-date", "2020-01-01", "--dependant-of", employee.id.rawValue,
                                     "--relation", "子女", "--json"], environment: env)
        #expect(dependant.status == 0, "\(dependant.stderr)")
        #expect(try dependant.jsonLines().first?["dependantID"] as? String == "A234567893")
        let proof = directory.appendingPathComponent("proof.pdf").path
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: URL(fileURLWithPath: proof))
        let withProof = try CLI.run(["service", "filing", "withdraw", "--service", url, "--ca-file", ca, "--id", employee.id.rawValue,
                                     "--date", "2026-01-01", "--document", proof], environment: env)
        #expect(withProof.status == 1 && withProof.stderr.contains("client.unsupported") && withProof.stderr.contains("attachments"),
                "\(withProof.stderr)")
        let otherUnit = try CLI.run(["service", "roster", "999999999", "--service", url, "--ca-file", ca], environment: env)
        #expect(otherUnit.status != 0)
        let local = try CLI.run(["service", "bills", "list", "--service", url, "--unit", DemoData.unit.code.rawValue, "--as", admin.id.rawValue],
                                environment: env)
        #expect(local.status != 0 && local.stderr.contains("does not run through nhi-server"), "\(local.stderr)")

        // Batch NHI-card registration through the server: uploaded, processed there, listed.
        let rocToday = try ROCDate(CalendarDate.today()).formatted(.compact)   // the file name's date is Taiwan's today
        let batch = directory.appendingPathComponent("\(DemoData.unit.code.rawValue)\(rocToday).csv").path
        try Data("身分證號,電子郵件,行動電話,聯絡電話\n\(employee.id.rawValue),wang@example.com.tw,0912345678,\nA123456788,bad@example.com.tw,0912345678,\n".utf8)
            .write(to: URL(fileURLWithPath: batch))
        let uploaded = try CLI.run(["service", "batch-register", "upload", batch, "--service", url, "--ca-file", ca, "--json"], environment: env)
        #expect(uploaded.status == 0, "\(uploaded.stderr)")
        let job = try uploaded.json()
        #expect(job["status"] as? String == "processed" && job["total"] as? Int == 2 && job["succeeded"] as? Int == 1 && job["failed"] as? Int == 1,
                "processed by the server: \(job)")
        let listedJobs = try CLI.run(["service", "batch-register", "records", "--service", url, "--ca-file", ca, "--json"], environment: env)
        #expect(listedJobs.status == 0, "\(listedJobs.stderr)")
        #expect(((try? JSONSerialization.jsonObject(with: Data(listedJobs.stdout.utf8))) as? [[String: Any]])?.map { $0["id"] as? Int } == [job["id"] as? Int])
        let deferred = try CLI.run(["service", "batch-register", "upload", batch, "--defer", "--service", url, "--ca-file", ca], environment: env)
        #expect(deferred.status != 0 && deferred.stderr.contains("--defer"), "\(deferred.stderr)")

        // The server's database holds the two filings, once each.
        let stored = try SQLiteStore(path: db).read { store in
            (try store.filings(person: person.id, unit: DemoData.unit.code), try store.filings(person: employee.id, unit: DemoData.unit.code))
        }
        #expect(stored.0.filter { $0.kind == .enrol }.count == 1)
        #expect(stored.1.filter { $0.kind == .salaryAdjustment }.count == 1)

        let logout = try CLI.run(["service", "logout", "--service", url, "--ca-file", ca], environment: env)
        #expect(logout.status == 0, "\(logout.stderr)")
        #expect(!FileManager.default.fileExists(atPath: sessionFile), "logout deletes the session file")
        let after = try CLI.run(["service", "filing", "results", "--service", url, "--ca-file", ca, "--from", "2026-01-01"], environment: env)
        #expect(after.status == 1 && after.stderr.contains("client.notSignedIn"), "\(after.stderr)")
    }
}
