import GtkKit
import KioskModel
import NHICore
import NHIService

/// A drop-down of the unit's in-force roster (name and masked ID); choosing a line fills the
/// form's ID field.
@MainActor
final class RosterPicker {
    let dropDown = DropDown(items: [])
    private var lines: [RosterLine] = []

    init(onChoose: @escaping @MainActor (RosterLine) -> Void) {
        dropDown.onSelect { [weak self] index in
            guard let self, let index, index > 0, index - 1 < self.lines.count else { return }
            onChoose(self.lines[index - 1])
        }
    }

    func render(_ context: ViewContext, lines newLines: [RosterLine], selected: PersonalID?) {
        lines = newLines
        dropDown.setItems([context.t(.form(.choosePersonNone))] + newLines.map(\.pickerLabel))
        dropDown.selectedIndex = selected.flatMap { id in newLines.firstIndex { $0.personID == id } }.map { $0 + 1 } ?? 0
    }
}

extension FormText {
    /// What the roster says about the person typed.
    @MainActor
    static func onRecord(_ line: RosterLine?, idTyped: Bool) -> FormText? {
        guard idTyped else { return nil }
        guard let line else { return .notOnRoster }
        if line.isDependant { return .dependantOnRecord(name: line.name, maskedID: line.personID.masked) }
        return .personOnRecord(name: line.name, maskedID: line.personID.masked, amount: line.insuredAmount, category: line.category)
    }
}
