import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NHICardService
import NHICards
import NHICore
import NHILogin
import NHITestSupport
import Testing

/// `nhi card`, `nhi doctor`, `nhi login` and `nhi-phone` end to end: the built programs
/// against real pcscd with cards from this process's emulator, SoftHSM2 and a login store file.
@Suite("nhi card, doctor, login", .serialized)
struct CardCommandTests {
    /// (name, ID, ROC birth date, expected ISO birth date, sex)
    static let cards: [(String, String, String, String, String)] = [
        ("王明", "A123456789", "0850504", "1996-05-04", "M"),
        ("陳大文", "F131104093", "1050530", "2016-05-30", "M"),
        ("歐陽娜娜", "A900207177", "0380101", "1949-01-01", "F"),
        ("司馬相如明", "O158238845", "1111227", "2022-12-27", "M"),
        ("瓦歷斯．諾幹", "Z123456780", "0500228", "1961-02-28", "M"),
        ("張陳林黃李吳王", "W123456789", "0890229", "2000-02-29", "M"),
        ("伊斯坦大貝克思明", "A800000014", "1000101", "2011-01-01", "M"),
        ("阿布杜拉赫曼哈米德", "A930196810", "0991231", "2010-12-31", "F"),
        ("拉娃谷倖達利伊斯坦大", "AC03095424", "1130709", "2024-07-09", "M"),
        ("林碁", "BD01300667", "0010101", "1912-01-01", "F"),
    ]

    static func nhiCard(_ entry: (String, String, String, String, String)) throws -> VirtualNHICard {
        try VirtualNHICard(identity: VirtualCardProfile.nhi(name: entry.0, id: entry.1, birthDate: entry.2, sex: entry.4,
                                                            cardNumber: "000012345678", issueDate: "1120301").nhiIdentity())
    }

    static func temporaryStore() -> String { NSTemporaryDirectory() + "nhi-cli-\(UUID().uuidString)/login.json" }

    @Test("card read --json: 2- to 10-character names, ROC years below and above 100, one object per card in reader order")
    func readJSON() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            for pair in stride(from: 0, to: Self.cards.count, by: 2) {
                let a = Self.cards[pair], b = Self.cards[pair + 1]
                try await first.insert(Self.nhiCard(a))
                try await second.insert(Self.nhiCard(b))
                let result = try CLI.run(["card", "read", "--json"])
                #expect(result.status == 0, "\(result.stderr)")
                let objects = try result.jsonLines()
                #expect(objects.count == 2)
                for (object, (entry, reader)) in zip(objects, [(a, first.reader.name), (b, second.reader.name)]) {
                    for key in ["reader", "atr", "cardType", "cardNumber", "name", "id", "birthDate", "sex", "issueDate"] {
                        #expect(object.keys.contains(key), "missing \(key)")
                    }
                    #expect(object["reader"] as? String == reader)
                    #expect(object["atr"] as? String == VirtualNHICard.defaultATR.description)
                    #expect(object["cardType"] as? String == "nhi")
                    #expect(object["cardNumber"] as? String == "000012345678")
                    #expect(object["name"] as? String == entry.0)
                    #expect(object["id"] as? String == entry.1)
                    #expect(object["birthDate"] as? String == entry.3)
                    #expect(object["sex"] as? String == entry.4)
                    #expect(object["issueDate"] as? String == "2023-03-01")
                }
            }
        }
    }

    @Test("card read --reader reads one reader; text output masks the ID; no card is 9056")
    func readOne() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            let empty = try CLI.run(["card", "read"])
            #expect(empty.status == 1, "\(empty.stderr)")
            #expect(empty.stderr.contains("card.absent"))
            #expect(empty.stderr.contains("9056"))

            try await second.insert(Self.nhiCard(Self.cards[1]))
            let one = try CLI.run(["card", "read", "--json", "--reader", second.reader.name])
            #expect(try one.jsonLines().map { $0["name"] as? String } == ["陳大文"])
            let text = try CLI.run(["card", "read"])
            #expect(text.status == 0)
            #expect(text.stdout.contains("F13110****"))
            #expect(!text.stdout.contains("F131104093"))
            let missing = try CLI.run(["card", "read", "--reader", "No Such Reader"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("pcsc.readerNotFound"))
            _ = first
        }
    }

    @Test("card read: a certificate card and an unknown card side by side; exit 1 for the unknown one")
    func mixedCards() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            try await first.insert(CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明",
                                                          idLastFour: "6789").makeCard())
            try await second.insert(VirtualOpaqueCard(atr: ATR(hex: "3B 02 14 50")!))
            let result = try CLI.run(["card", "read", "--json"])
            #expect(result.status == 1)
            let objects = try result.jsonLines()
            #expect(objects.count == 2)
            #expect(objects[0]["cardType"] as? String == "citizenCertificate")
            #expect(objects[0]["cardNumber"] as? String == "TP03000001234567")
            #expect(objects[0]["name"] as? String == "王小明")
            #expect(objects[0]["birthDate"] is NSNull)
            #expect((objects[0]["certificate"] as? [String: Any])?["idLastFour"] as? String == "6789")
            #expect(objects[1]["cardType"] as? String == "unknown")
            #expect(objects[1]["atr"] as? String == "3B 02 14 50")
            let error = try #require(objects[1]["error"] as? [String: Any])
            #expect(error["code"] as? String == "card.unknown")
            #expect(error["userCode"] as? Int == 9057)
        }
    }

    @Test("card watch --json: current state, then the inserted card read")
    func watch() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let process = Process()
            process.executableURL = CLI.binary()
            process.arguments = ["card", "watch", "--json", "--reader", first.reader.name, "--count", "3", "--timeout", "20"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let output = pipe.fileHandleForReading
            func nextLine() throws -> [String: Any] {
                var line = Data()
                while let byte = try output.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line += byte }
                return try JSONSerialization.jsonObject(with: line) as! [String: Any]
            }
            var events = [try nextLine()]
            try await first.insert(Self.nhiCard(Self.cards[2]))
            events.append(try nextLine())  // read before the card leaves
            try await first.remove()
            events.append(try nextLine())
            process.waitUntilExit()
            #expect(events.map { $0["event"] as? String } == ["readerAdded", "cardInserted", "cardRemoved"])
            #expect(events[1]["name"] as? String == "歐陽娜娜")
            #expect(events[1]["birthDate"] as? String == "1949-01-01")
            #expect(events.allSatisfy { $0["time"] is String })
        }
    }

    /// Starts `nhi card serve --listen 127.0.0.1:0 ARGUMENTS` (standard input and error on
    /// `terminal`, or none) and returns it with the address it printed.
    static func serve(_ arguments: [String], terminal: FileHandle? = nil) throws -> (Process, String) {
        let process = Process()
        process.executableURL = CLI.binary()
        process.arguments = ["card", "serve", "--listen", "127.0.0.1:0"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardInput = terminal ?? FileHandle.nullDevice
        process.standardError = terminal ?? FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try pipe.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { line += byte }
        guard let address = String(decoding: line, as: UTF8.self).split(separator: " ").last.map(String.init), address.hasPrefix("http") else {
            process.terminate()
            throw PseudoTerminalError("nhi card serve printed no address: \(String(decoding: line, as: UTF8.self))")
        }
        return (process, address)
    }

    @Test("card serve: prints its address, serves /readers to an allowed origin and refuses another; SIGTERM stops it cleanly; no non-loopback address without --allow-remote")
    func serve() async throws {
        let refused = try CLI.run(["card", "serve", "--listen", "0.0.0.0:7780"])
        #expect(refused.status != 0 && refused.stderr.contains("cardService.listenNotLoopback"))
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await first.insert(Self.nhiCard(Self.cards[1]))
            let (process, address) = try Self.serve(["--allow-origin", "https://payroll.example.com"])
            defer { if process.isRunning { process.terminate() } }
            #expect(address.hasPrefix("http://127.0.0.1:"))

            func get(_ origin: String) async throws -> (Int, [String: Any]) {
                var request = URLRequest(url: URL(string: address + "/readers")!)
                request.setValue(origin, forHTTPHeaderField: "Origin")
                let (data, response) = try await URLSession.shared.data(for: request)
                return ((response as! HTTPURLResponse).statusCode, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
            }
            var readers: [[String: Any]] = []
            for _ in 0..<100 {   // the first events arrive within milliseconds; allow 5 s
                let (status, body) = try await get("https://payroll.example.com")
                #expect(status == 200)
                readers = body["readers"] as? [[String: Any]] ?? []
                if readers.contains(where: { $0["state"] as? String == "nhi_card" }) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let reader = try #require(readers.first { $0["name"] as? String == first.reader.name })
            let card = try #require(reader["card"] as? [String: Any])
            #expect(reader["state"] as? String == "nhi_card" && card["name"] as? String == "陳大文" && card["birthDate"] as? String == "2016-05-30")
            let (status, body) = try await get("https://evil.example")
            #expect(status == 403 && body["code"] as? String == "cardService.originForbidden")

            process.terminate()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
    }

    @Test("card serve: POST /sign asks for the PIN on the service's own terminal (echo off, who asks and the challenge's fingerprint shown), the card signs; no terminal, no signing")
    func serveSigns() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let card = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明",
                                                  authority: "citizen", idLastFour: "6789").makeCard()
            try await first.insert(card)
            let terminal = try PseudoTerminal()
            let (process, address) = try Self.serve(["--allow-origin", "https://payroll.example.com", "--card-pin"], terminal: terminal.follower)
            defer { if process.isRunning { process.terminate() } }

            func post(_ body: [String: String]) async throws -> (Int, [String: Any]) {
                var request = URLRequest(url: URL(string: address + "/sign")!)
                request.httpMethod = "POST"
                request.setValue("https://payroll.example.com", forHTTPHeaderField: "Origin")
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                request.httpBody = try JSONSerialization.data(withJSONObject: body)
                request.timeoutInterval = 60
                let (data, response) = try await URLSession.shared.data(for: request)
                return ((response as! HTTPURLResponse).statusCode, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
            }
            // The monitor reads the card once it starts; signing needs that read.
            for _ in 0..<100 {
                var request = URLRequest(url: URL(string: address + "/certificates")!)
                request.setValue("https://payroll.example.com", forHTTPHeaderField: "Origin")
                let (data, _) = try await URLSession.shared.data(for: request)
                if String(decoding: data, as: UTF8.self).contains(first.reader.name) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let challenge = Array("payroll login 42".utf8)
            async let signed = post(["reader": first.reader.name, "challenge": Data(challenge).base64EncodedString()])
            let question = try await terminal.waitFor("press Enter to refuse: ")
            #expect(question.contains("https://payroll.example.com") && question.contains("王小明"))
            #expect(question.contains(CardSigner.fingerprint(Data(challenge))))
            #expect(question.contains("tries left: 3"))
            terminal.type("123456\n")
            let (status, body) = try await signed
            #expect(status == 200, "\(body)")
            let certificate = try CardCertificate(der: Array(try #require(Data(base64Encoded: body["certificate"] as? String ?? ""))))
            let signature = Array(try #require(Data(base64Encoded: body["signature"] as? String ?? "")))
            #expect(CertificateChallengeIssuer.verify(signature, over: challenge, with: certificate))
            #expect(!terminal.output.contains("123456"), "the PIN is not echoed")

            // Refused at the terminal: an empty line.
            async let refused = post(["reader": first.reader.name, "challenge": Data(challenge).base64EncodedString()])
            _ = try await terminal.waitFor("press Enter to refuse: ", after: question.count + 1)
            terminal.type("\n")
            let (refusedStatus, refusedBody) = try await refused
            #expect(refusedStatus == 403 && refusedBody["code"] as? String == "cardService.signDeclined")
            process.terminate()
            process.waitUntilExit()

            // Without a terminal nobody could type the PIN: signing is refused, reading is not.
            let (headless, headlessAddress) = try Self.serve(["--card-pin"])
            defer { if headless.isRunning { headless.terminate() } }
            var request = URLRequest(url: URL(string: headlessAddress + "/sign")!)
            request.httpMethod = "POST"
            request.httpBody = try JSONSerialization.data(withJSONObject: ["reader": first.reader.name, "challenge": "AQID"])
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as! HTTPURLResponse).statusCode == 403)
            #expect(String(decoding: data, as: UTF8.self).contains("cardService.signingUnavailable"))
        }
    }

    @Test("doctor --json: readers, more than one reader, unknown ATR, PKCS#11 module loads or not")
    func doctor() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, second in
            try await first.insert(Self.nhiCard(Self.cards[0]))
            try await second.insert(VirtualOpaqueCard(atr: ATR(hex: "3B 02 14 50")!))
            let environment = try SoftHSMEnvironment.environment
            let ok = try CLI.run(["doctor", "--json", "--pkcs11-module", SoftHSMEnvironment.modulePath], environment: environment)
            let findings = try ok.jsonLines()
            let byCheck = Dictionary(grouping: findings) { $0["check"] as! String }
            #expect(byCheck["pcscd"]?.first?["status"] as? String == "ok")
            #expect(byCheck["multipleReaders"]?.first?["status"] as? String == "warning")
            let cards = byCheck["card"] ?? []
            #expect(cards.count == 2)
            #expect(cards[0]["status"] as? String == "ok")
            #expect(cards[0]["cardType"] as? String == "nhi")
            #expect(cards[1]["status"] as? String == "warning")
            #expect(cards[1]["code"] as? String == "card.unknown")
            #expect(cards[1]["userCode"] as? Int == 9057)
            #expect((cards[1]["advice"] as? String)?.contains("讀卡機") == true)
            #expect(byCheck["pkcs11"]?.first?["status"] as? String == "ok")
            #expect(ok.status == 0, "warnings do not fail the doctor")

            let missing = try CLI.run(["doctor", "--json", "--pkcs11-module", "/nonexistent/libHicos_p11.so"])
            #expect(missing.status == 1)
            let module = try #require(try missing.jsonLines().first { $0["check"] as? String == "pkcs11" })
            #expect(module["status"] as? String == "error")
            #expect(module["userCode"] as? Int == 61006)
        }
    }

    @Test("login nhi-card: register, a wrong password with tries left, then the right one; passwords never printed")
    func loginNHICard() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            try await first.insert(Self.nhiCard(Self.cards[1]))
            let store = Self.temporaryStore()
            let register = try CLI.run(["login", "register", "--store", store, "--owns", "110001000"], stdin: Data("Abc#12345\n".utf8))
            #expect(register.status == 0, "\(register.stderr)")
            let login = try CLI.run(["login", "nhi-card", "--store", store, "--json", "--unit-code", "110001000"],
                                    stdin: Data("Wrong#999\nAbc#12345\n".utf8))
            #expect(login.status == 0, "\(login.stderr)")
            #expect(login.stderr.contains("9039"))
            #expect(login.stderr.contains("2 attempts left"))
            let object = try login.json()
            #expect(object["authenticated"] as? Bool == true)
            #expect(object["method"] as? String == "nhiCard")
            #expect(object["personId"] as? String == "F131104093")
            #expect(object["unitCode"] as? String == "110001000")
            #expect(object["unitAdministrator"] as? Bool == true)
            for output in [register.stdout, register.stderr, login.stdout, login.stderr] {
                #expect(!output.contains("Abc#12345") && !output.contains("Wrong#999"))
            }
            let refused = try CLI.run(["login", "nhi-card", "--store", store], stdin: Data("Wrong#999\n".utf8))
            #expect(refused.status == 1)
        }
    }

    @Test("login certificate through SoftHSM2; an expired certificate is refused before the PIN (66501)")
    func loginCertificate() async throws {
        try await PCSCTestEnvironment.withVirtualReaders { first, _ in
            let authority = try TestCertificateAuthority(kind: .citizen)
            let token = try SoftHSMEnvironment.createToken(label: "cli-\(UInt16.random(in: 0...9999))", authority: authority,
                                                           holder: .init(name: "王小明", idLastFour: "6789"))
            try await first.insert(VirtualCertificateCard(cardNumber: "TP03000001234567", certificates: [.user2: token.certificateDER],
                                                          key: nil, pin: "000000"))
            let environment = try SoftHSMEnvironment.environment
            let login = try CLI.run(["login", "certificate", "--id", "A123456789", "--token-label", token.label, "--json"],
                                    stdin: Data("123456\n".utf8), environment: environment)
            #expect(login.status == 0, "\(login.stderr)")
            let object = try login.json()
            #expect(object["method"] as? String == "certificate")
            #expect(object["certificateKind"] as? String == "citizen")
            #expect(object["personId"] as? String == "A123456789")
            #expect(!login.stdout.contains("123456\n") && !login.stderr.contains("123456"))

            let expired = try CertificateCardProfile(cardNumber: "TP03000001234567", pin: "123456", holder: "王小明", idLastFour: "6789",
                                                     notBefore: "2020-01-01", notAfter: "2024-12-31").makeCard()
            try await first.insert(expired)
            let refused = try CLI.run(["login", "certificate", "--id", "A123456789", "--card-pin"], stdin: Data("123456\n".utf8))
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("66501"))
            #expect(expired.pinsReceived == 0)
        }
    }

    @Test("login otp with the code nhi-phone shows; login qr confirmed by nhi-phone")
    func appLogins() async throws {
        let store = Self.temporaryStore()
        let bind = try CLI.run(["bind", "--store", store, "--id", "A123456789", "--birth-date", "0850504", "--name", "王明"], program: "nhi-phone")
        #expect(bind.status == 0, "\(bind.stderr)")
        #expect(TOTP.base32Decode(bind.lines.first ?? "")?.count == 20)
        let code = try CLI.run(["otp", "--store", store, "--id", "A123456789"], program: "nhi-phone").lines.first ?? ""
        #expect(code.count == 6)
        // The code comes from standard input (or $NHI_LOGIN_OTP), not the command line where `ps` shows it.
        let otp = try CLI.run(["login", "otp", "--store", store, "--id", "A123456789", "--birth-date", "085/05/04", "--json"],
                              stdin: Data((code + "\n").utf8))
        #expect(otp.status == 0, "\(otp.stderr)")
        #expect(try otp.json()["method"] as? String == "appOTP")
        #expect(!otp.stderr.contains("deprecated"))
        let again = try CLI.run(["login", "otp", "--store", store, "--id", "A123456789", "--birth-date", "0850504", "--code", code])
        #expect(again.status == 1)
        #expect(again.stderr.contains("otp.reused"))
        #expect(again.stderr.contains("--code is deprecated"), "the old flag still works, with a warning")

        let process = Process()
        process.executableURL = CLI.binary()
        process.arguments = ["login", "qr", "--store", store, "--id", "A123456789", "--birth-date", "0850504", "--app", "tw-fido", "--json"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let reader = pipe.fileHandleForReading
        var firstLine = Data()
        while let byte = try reader.read(upToCount: 1), !byte.isEmpty, byte != Data([0x0A]) { firstLine += byte }
        let shown = try JSONSerialization.jsonObject(with: firstLine) as! [String: Any]
        let payload = try #require(shown["qrPayload"] as? String)
        #expect(payload.hasPrefix("nhilogin:v1:tw-fido:"))
        let wrongPerson = try CLI.run(["confirm", "--store", store, "--id", "F131104093", payload], program: "nhi-phone")
        #expect(wrongPerson.status == 1)
        #expect(wrongPerson.stderr.contains("token.identityMismatch"))
        let confirm = try CLI.run(["confirm", "--store", store, "--id", "A123456789", payload], program: "nhi-phone")
        #expect(confirm.status == 0, "\(confirm.stderr)")
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rest = String(decoding: reader.readDataToEndOfFile(), as: UTF8.self)
        let result = try JSONSerialization.jsonObject(with: Data(rest.utf8)) as! [String: Any]
        #expect(result["method"] as? String == "twFidO")
        #expect(result["certificateKind"] as? String == "citizen")
    }
}
