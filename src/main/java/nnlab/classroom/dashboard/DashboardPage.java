package nnlab.classroom.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /instructor/classes/{id}/dashboard}: the live dashboard page (the security configuration admits instructors only). */
@Controller
public class DashboardPage {

    private final ClassDashboard dashboard;

    public DashboardPage(ClassDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/instructor/classes/{id}/dashboard")
    public String page(@PathVariable long id, Model model) {
        model.addAttribute("classroom", dashboard.classroom(id));
        return "classroom/dashboard";
    }
}
