import ArgumentParser
import NHICardService
import NHICards
import NHIFormats
import NHIGrades
import NHILogin
import NHIService

extension NHI {
    /// Every subcommand, in the order `nhi --help` lists them. Each issue's commands live in
    /// their own file under `Commands/`.
    static let allSubcommands: [any ParsableCommand.Type] = [
        Validate.self,
        BatchRegister.self,
        DPR.self,
        Roster.self,
        GradeCommand.self,
        GradesCommand.self,
        PremiumCommand.self,
        LabourPremiumCommand.self,
        SupplementaryCommand.self,
        LateFeeCommand.self,
        ServiceCommand.self,
        Card.self,
        Doctor.self,
        Login.self,
        ErrorCodes.self,
    ]

    /// The error catalogs of the modules above NHICore, listed by `nhi error-codes`.
    static var moduleErrorCatalogs: [(module: String, type: String, entries: [(code: String, zh: String, en: String)])] {
        [
            ("NHIGrades", "GradeError", GradeError.catalog.map { ($0.code.rawValue, $0.zh, $0.en) }),
            ("NHIFormats", "FormatError", FormatError.catalog.map { ($0.code.rawValue, $0.zh, $0.en) }),
            ("NHICards", "CardError", CardError.catalog.map { ($0.code.rawValue, $0.zh, $0.en) }),
            ("NHILogin", "LoginError", LoginError.catalog.map { ($0.code.rawValue, $0.zh, $0.en) }),
            ("NHIService", "ServiceError", ServiceError.catalog.map { ($0.code.rawValue, $0.zh, $0.en) }),
            ("NHICardService", "CardServiceError", CardServiceError.catalog.map { ($0.code.rawValue, $0.zh, $0.en) }),
        ]
    }
}
