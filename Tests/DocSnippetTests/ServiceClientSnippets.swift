// The code snippet of the NHIServiceClient catalog, copied verbatim; compiled only (it needs
// an nhi-server).
import Foundation
import NHICore
import NHIService
import NHIServiceClient

enum ServiceClientSnippets {
    // Source: Sources/NHIServiceClient/NHIServiceClient.docc/NHIServiceClient.md, snippet 1
    func fileThroughTheOffice(card: NHICardNumber, staff: PersonalID, password: String,
                              enrolment: EnrolmentRequest) async throws -> Filing {
        let client = try NHIServiceClient(.init(url: "https://nhi.office.lan:8443", caFile: "/etc/nhi/ca.pem"))
        guard case .signedIn(let session) = try await client.signIn(.nhiCard(cardNumber: card, personID: staff, password: password)) else {
            throw ServiceClientError(.unitChoiceNeeded)
        }
        let workflows = RemoteUnitWorkflows(client: client, unitCode: try UnitCode(parsing: session.unitCode))
        let filing = try await workflows.enrol(enrolment)
        try await client.signOut()
        try await client.shutdown()
        return filing
    }
}
