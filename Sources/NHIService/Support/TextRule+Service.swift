import NHICore

/// NHICore's ``TextRule`` (the one home of length and character rules for stored text) in
/// the service's requests: a broken rule is `request.invalidText`, with the field and the
/// rule (`text.length`, `text.characters`, `text.formula`) in the message and context.
extension TextRule {
    func checked(_ input: String) throws(ServiceError) -> String {
        do { return try check(input) } catch {
            throw ServiceError(.requestInvalidText, wrapping: error, context: ["field": field.name, "rule": error.errorCode])
        }
    }

    func checkedOptional(_ input: String?) throws(ServiceError) -> String? {
        do { return try checkOptional(input) } catch {
            throw ServiceError(.requestInvalidText, wrapping: error, context: ["field": field.name, "rule": error.errorCode])
        }
    }
}
