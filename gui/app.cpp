// Entry point of the desktop application: language, configuration, command line, main frame.
//   investledger [--db FILE] [--lang zh_CN|en] [--config FILE] [--self-test DIR [--self-test-step NAME]]
//                [--screenshots DIR [--screenshot-size WxH]]
#include <algorithm>
#include <clocale>
#include <cstdio>
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

// The process status when OnInit stops the start on purpose (--help: 0; no display: 2); wxWidgets
// itself returns -1 whenever OnInit returns false.
int g_exit_status = -1;

class InvestLedgerApp : public wxApp {
public:
    // Without a display GTK cannot start: only the console part of wxWidgets is initialised, so
    // that --help and the note on what to use instead still work (see OnInit).
    bool Initialize(int& argc, wxChar** argv) override {
#if defined(__WXGTK__)
        auto set = [](const char* name) {
            const char* v = std::getenv(name);
            return v && *v;
        };
        no_display_ = !set("DISPLAY") && !set("WAYLAND_DISPLAY");
        if (no_display_) return wxAppConsole::Initialize(argc, argv);
#endif
        return wxApp::Initialize(argc, argv);
    }
    bool OnInitGui() override { return no_display_ || wxApp::OnInitGui(); }
    void CleanUp() override {
        if (no_display_) wxAppConsole::CleanUp();
        else wxApp::CleanUp();
    }

    bool OnInit() override {
        SetAppName("investledger");
        SetVendorName("InvestLedger");
        // The language first: the command line's help (--help) speaks it too.
        setup_language(early_language());
        if (no_display_) {
            const bool help = wxApp::OnInit() == false && help_shown_;
            // UTF-8 whatever the C locale (often "C" on a server without a display).
            const wxString text = no_display_text() + "\n";
            if (!help) std::fputs(text.utf8_str().data(), stderr);
            else std::fputs(("\n" + text).utf8_str().data(), stdout);
            g_exit_status = help ? 0 : 2;
            return false;
        }
        if (!wxApp::OnInit()) return false;
        auto* frame = new MainFrame();
        frame->Show();
        frame->set_forced_period(utf8(period_));
        if (!self_test_.empty() || !screenshots_.empty()) {
            // Test runs start from a clean window layout, whatever the user's configuration says.
            if (!frame->open_initial(db_path_)) return false;
            frame->focus_start();
            frame->CallAfter([this, frame] {
                int rc = !self_test_.empty() ? run_self_test(*frame, self_test_, self_test_step_)
                                             : take_screenshots(*frame, screenshots_, screenshot_size());
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
        frame->focus_start();
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
        parser.AddOption({}, "screenshot-size", _("the window size for --screenshots, e.g. 1280x800 (default 1600x1000)"));
        parser.AddOption({}, "period", _("the reporting period to show, e.g. 2017-06"));
        parser.AddOption({}, "config", _("the settings file to use instead of the user's (window layout, recent files)"));
        parser.AddOption({}, "self-test-step", _("run only this step of the GUI test (e.g. restart)"));
        parser.AddParam(_("ledger file"), wxCMD_LINE_VAL_STRING, wxCMD_LINE_PARAM_OPTIONAL);
    }

    bool OnCmdLineHelp(wxCmdLineParser& parser) override {
        help_shown_ = true;
        g_exit_status = 0;  // asking for help is no error
        return wxApp::OnCmdLineHelp(parser);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        parser.Found("db", &db_path_);
        if (db_path_.empty() && parser.GetParamCount() > 0) db_path_ = parser.GetParam(0);  // "investledger FILE" (.desktop %f)
        parser.Found("lang", &lang_);
        parser.Found("period", &period_);
        parser.Found("self-test", &self_test_);
        parser.Found("screenshots", &screenshots_);
        parser.Found("screenshot-size", &screenshot_size_);
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
    static wxString no_display_text() {
        return _("No display was found ($DISPLAY and $WAYLAND_DISPLAY are empty), so the desktop application "
                 "cannot open its window.\nWithout a display, use the command-line tool investledger-cli, for example:\n"
                 "  investledger-cli --db ledger.db demo                                  (the demo city)\n"
                 "  investledger-cli --db ledger.db report --all --period 2017-06 --out reports.xlsx\n"
                 "  investledger-cli --help                                               (all commands)");
    }

    // The UI language before the command line is parsed: --lang, else the settings file's
    // (--config's, or the user's; a test run's fresh settings: the default).
    wxString early_language() const {
        wxString lang, config;
        bool test_run = false;
        for (int i = 1; i < argc; ++i) {
            const wxString a = argv[i];
            auto value = [&](const wxString& name, wxString& out) {
                if (a == "--" + name && i + 1 < argc) out = argv[i + 1];
                else if (a.StartsWith("--" + name + "=")) out = a.AfterFirst('=');
            };
            value("lang", lang);
            value("config", config);
            test_run = test_run || a.StartsWith("--self-test") || a.StartsWith("--screenshots");
        }
        if (!lang.empty()) return lang;
        if (!config.empty()) {
            if (!wxFileName::FileExists(config)) return "zh_CN";
            wxFileConfig file("investledger", {}, config, {}, wxCONFIG_USE_LOCAL_FILE);
            return file.Read("/Language", "zh_CN");
        }
        if (test_run) return "zh_CN";
        return wxConfigBase::Get()->Read("/Language", "zh_CN");
    }

    void setup_language(wxString lang) {
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

    wxSize screenshot_size() const {
        long w = 0, h = 0;
        if (screenshot_size_.BeforeFirst('x').ToLong(&w) && screenshot_size_.AfterFirst('x').ToLong(&h) && w > 0 && h > 0)
            return wxSize(static_cast<int>(w), static_cast<int>(h));
        return wxSize(1600, 1000);
    }

    wxString db_path_, lang_, self_test_, self_test_step_, screenshots_, screenshot_size_, period_;
    int exit_code_ = 0;
    bool no_display_ = false, help_shown_ = false;
};

}  // namespace il::gui

wxIMPLEMENT_APP_NO_MAIN(il::gui::InvestLedgerApp);

int main(int argc, char** argv) {
    const int rc = wxEntry(argc, argv);
    return il::gui::g_exit_status >= 0 ? il::gui::g_exit_status : rc;
}
