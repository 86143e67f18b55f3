import CGtk
import GtkKit
import KioskModel

/// Settings: reader, PKCS#11 module, database, language, idle lock.
@MainActor
final class SettingsView: ScreenView {
    let root: Widget
    private let context: ViewContext
    private let model: SettingsModel
    private let heading = Label("", role: .heading)

    private let readerCaption = Label(), readerPicker = DropDown(items: []), readerEntry = Entry(), readerError = Label()
    private let readerHint = Label()
    private let moduleCaption = Label(), module = Entry(), moduleError = Label()
    private let databaseCaption = Label(), database = Entry(), databaseError = Label()
    private let languageCaption = Label(), languagePicker = DropDown(items: Language.allCases.map(\.nativeName)), languageError = Label()
    private let idleCaption = Label(), idle = Entry(), idleError = Label()
    private let save = Button("")
    private let status = Label("", role: .status)
    private let file = Label()

    init(context: ViewContext) {
        self.context = context
        model = context.shell.settings
        let (page, column) = Build.page(heading: heading)
        root = page
        let form = Grid(rowSpacing: 6, columnSpacing: 16)
        form.addStyleClass("form")
        let readerBox = Box(.vertical, spacing: 4)
        readerBox.append([readerPicker, readerEntry, readerHint])
        readerHint.addStyleClass("hint")
        Build.field(form, row: 0, caption: readerCaption, control: readerBox, error: readerError)
        Build.field(form, row: 1, caption: moduleCaption, control: module, error: moduleError)
        Build.field(form, row: 2, caption: databaseCaption, control: database, error: databaseError)
        Build.field(form, row: 3, caption: languageCaption, control: languagePicker, error: languageError)
        Build.field(form, row: 4, caption: idleCaption, control: idle, error: idleError)
        readerCaption.labels(readerEntry)
        readerPicker.setLabelledBy(readerCaption)
        languageCaption.labels(languagePicker)
        idle.setInputPurpose(GTK_INPUT_PURPOSE_DIGITS)
        idle.maxLength = 5
        for entry in [readerEntry, module, database, idle] { entry.setActivatesDefault(true) }
        column.append(form)

        readerEntry.onChange { [model] in model.readerName = $0 }
        readerPicker.onSelect { [model] index in
            guard let index else { return }
            model.readerName = index == 0 ? "" : model.availableReaders[index - 1]
        }
        module.onChange { [model] in model.pkcs11ModulePath = $0 }
        database.onChange { [model] in model.databasePath = $0 }
        languagePicker.onSelect { [model] index in
            if let index { model.language = Language.allCases[index] }
        }
        idle.onChange { [model] in model.idleTimeoutText = $0 }

        save.addStyleClass("suggested-action")
        save.setMinimumSize(width: 200, height: 56)
        save.align(horizontal: GTK_ALIGN_START)
        save.onClick { [model] in model.save() }
        file.addStyleClass("hint")
        file.isSelectable = true
        column.append([save, status, file])
        observe { [weak self] in self?.render() }
    }

    private func render() {
        let t = context.t
        let controls = context.controls
        let language = context.shell.language
        heading.text = t(.screenTitle(.settings))

        func caption(_ label: Label, _ text: Text, _ control: Widget, _ error: Label, _ field: SettingsModel.Field) {
            label.text = t(text)
            controls.labelled(control, t(text))
            let message = model.fieldErrors[field]?.text(language)
            error.text = message ?? ""
            error.isVisible = message != nil
            control.setAccessibleInvalid(message != nil)
        }
        caption(readerCaption, .settingsReader, model.availableReaders.isEmpty ? readerEntry : readerPicker, readerError, .reader)
        caption(moduleCaption, .settingsPKCS11, module, moduleError, .pkcs11ModulePath)
        caption(databaseCaption, .settingsDatabase, database, databaseError, .databasePath)
        caption(languageCaption, .settingsLanguage, languagePicker, languageError, .language)
        caption(idleCaption, .settingsIdle, idle, idleError, .idleTimeout)

        let readers = model.availableReaders
        readerPicker.isVisible = !readers.isEmpty
        readerEntry.isVisible = readers.isEmpty
        readerHint.isVisible = readers.isEmpty
        readerHint.text = model.readerListError?.text(language) ?? t(.settingsReaderFreeText)
        readerPicker.setItems([t(.settingsReaderAutomatic)] + readers)
        readerPicker.selectedIndex = readers.firstIndex(of: model.readerName).map { $0 + 1 } ?? 0
        readerEntry.text = model.readerName
        module.text = model.pkcs11ModulePath
        module.placeholder = t(.settingsOptionalPath)
        database.text = model.databasePath
        database.placeholder = t(.settingsOptionalPath)
        languagePicker.selectedIndex = Language.allCases.firstIndex(of: model.language)
        idle.text = model.idleTimeoutText

        save.label = t(.settingsSave)
        controls.name(save, t(.settingsSave))
        if model.justSaved {
            status.text = t(.settingsSaved)
        } else if let error = model.saveError {
            status.text = error.text(language)
        } else if !model.fieldErrors.isEmpty {
            status.text = t(.settingsInvalid)
        } else {
            status.text = ""
        }
        status.isVisible = !status.text.isEmpty
        controls.name(status, status.text.isEmpty ? "—" : status.text)
        file.text = t(.settingsFile(path: model.filePath))
        if context.shell.screen == .settings { context.window.setDefaultWidget(save) }
    }

    func focusFirst() {
        if model.availableReaders.isEmpty { readerEntry.grabFocus() } else { readerPicker.grabFocus() }
    }
}
