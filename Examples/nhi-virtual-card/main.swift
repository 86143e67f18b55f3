import ArgumentParser
import Foundation
import NHIPostgres
import NHITestSupport

/// `nhi-virtual-card`: a card emulator for vsmartcard's vpcd driver. It puts a virtual
/// NHI card, certificate card or unknown card into one of vpcd's two readers and takes it
/// out again on command, so that pcscd, the `nhi` tool and the kiosk see a real card.
struct VirtualCardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nhi-virtual-card",
        abstract: "虛擬讀卡機卡片 — A virtual NHI or certificate card in vpcd's reader.",
        discussion: """
            Commands on standard input, one per line: insert, remove, status, quit. End of input \
            (or quit) removes the card and exits. Each state change is printed as one line: \
            `inserted <reader>`, `removed <reader>`.

            The card comes from flags or from --config FILE.json (a VirtualCardProfile: \
            {"kind": "nhi", "name": "王小明", "id": "A123456789", "birthDate": "0850504", …} or \
            {"kind": "certificate", "certificate": {"cardNumber": "TP03000001234567", "pin": "123456", \
            "holder": "王小明", "idLastFour": "6789", "authority": "citizen"}}). Dates are ROC yyyMMdd or YYYY-MM-DD.
            """)

    @Option(help: "Reader: 0 = Virtual PCD 00 00 (port 35963), 1 = Virtual PCD 00 01 (port 35964).")
    var reader: Int = 0

    @Option(help: "A JSON profile file (overrides the card flags).")
    var config: String?

    @Option(help: "Card kind: nhi, certificate or opaque (an unknown card).")
    var kind: String = "nhi"

    @Option(help: "ATR as hex (default per kind).") var atr: String?
    @Option(help: "NHI: holder name (up to 10 CJK characters).") var name: String = "王小明"
    @Option(help: "NHI: national ID or resident number.") var id: String = "A123456789"
    @Option(help: "NHI: birth date, ROC yyyMMdd or YYYY-MM-DD.") var birthDate: String = "0850504"
    @Option(help: "NHI: sex M or F (default from the ID).") var sex: String?
    @Option(help: "NHI: 12-digit card number; certificate: 16-character card number.") var cardNumber: String?
    @Option(help: "NHI: issue date, ROC yyyMMdd or YYYY-MM-DD.") var issueDate: String = "1100101"
    @Flag(help: "NHI: answer SELECT with 6D00 like cards issued from late 2025.") var newCard = false
    @Option(help: "Opaque: the status word every command gets (hex).") var status: String = "6D00"
    @Option(help: "Certificate: the PIN.") var pin: String = "123456"
    @Option(help: "Certificate: tries before the PIN locks.") var tries: Int = 3
    @Option(help: "Certificate: holder name of a generated certificate.") var holder: String = "王小明"
    @Option(help: "Certificate: citizen, moeaca, gca, xca or healthcareProfessional.") var authority: String = "citizen"
    @Option(help: "Certificate: last 4 ID digits (.51).") var idLastFour: String?
    @Option(help: "Certificate: UBN (.101).") var ubn: String?
    @Option(help: "Certificate: organisation code (.102).") var organisationCode: String?
    @Option(help: "Certificate: validity start YYYY-MM-DD.") var notBefore: String?
    @Option(help: "Certificate: validity end YYYY-MM-DD.") var notAfter: String?
    @Option(help: "Certificate: use this certificate file (DER or PEM) instead of generating one.") var certificateFile: String?
    @Option(help: "Certificate: its private key (PEM), for on-card signing.") var privateKeyFile: String?
    @Flag(help: "Start with the card out of the reader.") var noInsert = false
    @Option(name: .customLong("seed-demo"), help: ArgumentHelp(
        "Seed the kiosk demo's sample (unit 110001000, its staff, people and bills; the people whose cards `nhi-kiosk --demo` inserts) into this empty database — a SQLite path or postgres:// URL — and exit. For an nhi-server that `nhi-kiosk --demo --service` kiosks use.",
        valueName: "db"))
    var seedDemo: String?

    @Option(help: "Power-up time: iso7816 (ISO 7816-3 default timing, ~36 ms for a 20-byte ATR), instant, or milliseconds.")
    var powerUp: String = "iso7816"

    func validate() throws {
        guard VirtualReader.all.indices.contains(reader) else { throw ValidationError("--reader must be 0 or 1") }
        _ = try powerUpModel()
    }

    func powerUpModel() throws -> VirtualCardSlot.PowerUp {
        switch powerUp {
        case "iso7816": return .iso7816
        case "instant": return .instant
        default:
            guard let milliseconds = Int(powerUp), milliseconds >= 0 else {
                throw ValidationError("--power-up must be iso7816, instant or a number of milliseconds")
            }
            return .fixed(.milliseconds(milliseconds))
        }
    }

    func profile() throws -> VirtualCardProfile {
        if let config {
            let data = try Data(contentsOf: URL(fileURLWithPath: config))
            return try JSONDecoder().decode(VirtualCardProfile.self, from: data)
        }
        switch kind {
        case "nhi":
            return .nhi(name: name, id: id, birthDate: birthDate, sex: sex, cardNumber: cardNumber ?? "000012345678",
                        issueDate: issueDate, newCard: newCard, atr: atr)
        case "opaque":
            return VirtualCardProfile(kind: "opaque", atr: atr ?? "3B 02 14 50", status: status)
        case "certificate":
            var profile = VirtualCardProfile(kind: "certificate", atr: atr)
            profile.certificate = CertificateCardProfile(
                cardNumber: cardNumber ?? "TP03000001234567", pin: pin, maxTries: tries,
                certificateFile: certificateFile, privateKeyFile: privateKeyFile, holder: holder,
                authority: authority, idLastFour: idLastFour ?? String(id.suffix(4)), ubn: ubn,
                organisationCode: organisationCode, notBefore: notBefore, notAfter: notAfter)
            return profile
        default:
            throw ValidationError("--kind must be nhi, certificate or opaque")
        }
    }

    func run() throws {
        if let seedDemo {
            let store = try NHIStores.open(option: seedDemo)
            let sample = try DemoData.seed(store, today: .today())
            say("seeded unit \(sample.unit.code.rawValue) into \(seedDemo.hasPrefix("postgres") ? "PostgreSQL" : seedDemo)")
            return
        }
        let card = try profile().makeCard()
        let slot = VirtualCardSlot(VirtualReader.all[reader], powerUp: try powerUpModel())
        if !noInsert {
            slot.insertCard(card)
            say("inserted \(slot.reader.name)")
        }
        while let line = readLine() {
            switch line.trimmingCharacters(in: .whitespaces) {
            case "insert":
                slot.insertCard(card)
                say("inserted \(slot.reader.name)")
            case "remove":
                slot.removeCard()
                say("removed \(slot.reader.name)")
            case "status":
                say(slot.insertedCard == nil ? "empty \(slot.reader.name)" : (slot.isConnected ? "connected \(slot.reader.name)" : "waiting-for-vpcd \(slot.reader.name)"))
            case "quit":
                slot.removeCard()
                say("removed \(slot.reader.name)")
                return
            case "":
                continue
            default:
                FileHandle.standardError.write(Data("unknown command \(line) (insert, remove, status, quit)\n".utf8))
            }
        }
        slot.removeCard()
        say("removed \(slot.reader.name)")
    }
}

VirtualCardCommand.main()

/// Prints one line at once (standard output may be a pipe read line by line).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
