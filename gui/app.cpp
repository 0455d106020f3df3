// Placeholder entry point until the desktop application lands (issue 4).
#include <wx/wx.h>

class InvestLedgerApp : public wxApp {
public:
    bool OnInit() override {
        auto* frame = new wxFrame(nullptr, wxID_ANY, wxString::FromUTF8("投资项目台账"));
        frame->Show();
        return true;
    }
};

wxIMPLEMENT_APP(InvestLedgerApp);
