// Entry point of the desktop application: language, configuration, command line, main frame.
//   investledger [--db FILE] [--lang zh_CN|en] [--config FILE] [--self-test DIR [--self-test-step NAME]]
//                [--screenshots DIR]
#include <algorithm>
#include <clocale>
#include <cstdlib>
#include <cstring>

#include <wx/fileconf.h>

#include <wx/cmdline.h>
#include <wx/config.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/translation.h>
#include <wx/log.h>
#include <wx/stdpaths.h>
#include <wx/wx.h>

#include "core/platform/paths.h"
#include "gui/error_text.h"
#include "gui/main_frame.h"
#include "gui/self_test.h"
#include "gui/wx_util.h"
#include "core/util/utf8_path.h"

namespace il::gui {

class InvestLedgerApp : public wxApp {
public:
    bool OnInit() override {
        SetAppName("investledger");
        SetVendorName("InvestLedger");
        if (!wxApp::OnInit()) return false;
        setup_language();
        auto* frame = new MainFrame();
        frame->Show();
        frame->set_forced_period(utf8(period_));
        if (!self_test_.empty() || !screenshots_.empty()) {
            // Test runs start from a clean window layout, whatever the user's configuration says.
            if (!frame->open_initial(db_path_)) return false;
            frame->CallAfter([this, frame] {
                int rc = !self_test_.empty() ? run_self_test(*frame, self_test_, self_test_step_)
                                             : take_screenshots(*frame, screenshots_);
                exit_code_ = rc;
                frame->Close(true);  // as a user closes it: layouts and window size are saved
            });
            return true;
        }
        if (!frame->open_initial(db_path_)) {
            frame->Destroy();
            return true;
        }
        long view = wxConfigBase::Get()->ReadLong("/Window/view", 0);
        frame->show_view(static_cast<View>(std::clamp(view, 0L, static_cast<long>(View::Count) - 1)));
        return true;
    }

    // The process exit status is OnRun's (wxWidgets ignores OnExit's): a failed self-test or
    // screenshot run must make it non-zero.
    int OnRun() override {
        int rc = wxApp::OnRun();
        return exit_code_ ? exit_code_ : rc;
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        wxApp::OnInitCmdLine(parser);
        parser.AddOption({}, "db", _("the ledger database file to open (created if missing)"));
        parser.AddOption({}, "lang", _("language: zh_CN (default) or en"));
        parser.AddOption({}, "self-test", _("run the built-in GUI test; the value is a work folder; exit status 0 = passed"));
        parser.AddOption({}, "screenshots", _("save a screenshot of every main view into this folder, then exit"));
        parser.AddOption({}, "period", _("the reporting period to show, e.g. 2017-06"));
        parser.AddOption({}, "config", _("the settings file to use instead of the user's (window layout, recent files)"));
        parser.AddOption({}, "self-test-step", _("run only this step of the GUI test (e.g. restart)"));
        parser.AddParam(_("ledger file"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        parser.Found("db", &db_path_);
        if (db_path_.empty() && parser.GetParamCount() > 0) db_path_ = parser.GetParam(0);  // "investledger FILE" (.desktop %f)
        parser.Found("lang", &lang_);
        parser.Found("period", &period_);
        parser.Found("self-test", &self_test_);
        parser.Found("screenshots", &screenshots_);
        parser.Found("self-test-step", &self_test_step_);
        wxString config;
        parser.Found("config", &config);
        if (!self_test_.empty() || !screenshots_.empty()) {
            delete wxLog::SetActiveTarget(new wxLogStderr);  // never a modal log box in test runs
            set_test_mode(true);
            // Keep the user's configuration out of test runs.
            if (config.empty()) config = wxFileName::CreateTempFileName("ilcfg");
        }
        if (!config.empty())
            delete wxConfigBase::Set(new wxFileConfig("investledger", {}, config, {}, wxCONFIG_USE_LOCAL_FILE));
        return wxApp::OnCmdLineParsed(parser);
    }

private:
    void setup_language() {
        wxString lang = lang_.empty() ? wxConfigBase::Get()->Read("/Language", "zh_CN") : lang_;
        if (lang == "en") return;  // msgids are English
        use_language_in_toolkit(lang.empty() ? wxString("zh_CN") : lang);
        // wxTranslations directly: works even when the system lacks the zh_CN C locale.
        namespace fs = std::filesystem;
        for (fs::path dir : {platform::executable_dir() / "locale", platform::executable_dir() / ".." / "locale",
                             platform::executable_dir() / ".." / "share" / "locale", fs::path(IL_DATA_DIR) / ".." / "locale"})
            wxFileTranslationsLoader::AddCatalogLookupPathPrefix(wx(il::path_utf8(dir.lexically_normal())));
#if defined(__UNIX__) && !defined(__APPLE__)
        // wxWidgets' own catalog (wxstd-3.2.mo from Debian's wx3.2-i18n: OK/Cancel, Yes/No, stock
        // labels) lies under the system prefix, which wx does not search when run from a build tree.
        for (const char* dir : {"/usr/share/locale", "/usr/local/share/locale"})
            wxFileTranslationsLoader::AddCatalogLookupPathPrefix(dir);
#endif
        auto* translations = new wxTranslations();
        translations->SetLanguage(lang.empty() ? wxString("zh_CN") : lang);
        wxTranslations::Set(translations);
        if (!translations->AddStdCatalog())
            wxLogDebug("wxWidgets' own translations (wxstd) not found: stock buttons stay in English");
        translations->AddCatalog("investledger");
    }

    // GTK draws the stock buttons (OK/Cancel, Yes/No in message boxes) and the file dialogs with
    // its own catalog (gtk30.mo), picked by gettext from the process locale: make it speak the UI
    // language even where the system locale is not Chinese (a test box, an English desktop).
    // gettext honours LANGUAGE unless LC_MESSAGES is the plain "C" locale, hence C.UTF-8 then.
    static void use_language_in_toolkit(const wxString& lang) {
#ifdef __WXGTK__
        const char* messages = std::setlocale(LC_MESSAGES, nullptr);
        if (!messages || std::strcmp(messages, "C") == 0 || std::strcmp(messages, "POSIX") == 0)
            std::setlocale(LC_MESSAGES, "C.UTF-8");
        wxSetEnv("LANGUAGE", lang + ":" + lang.BeforeFirst('_'));
#else
        (void)lang;
#endif
    }

    wxString db_path_, lang_, self_test_, self_test_step_, screenshots_, period_;
    int exit_code_ = 0;
};

}  // namespace il::gui

wxIMPLEMENT_APP(il::gui::InvestLedgerApp);
