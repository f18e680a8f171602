package org.custodian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.privacy.Permission;
import org.custodian.training.Attempt;
import org.custodian.training.ExerciseSet;
import org.custodian.training.TrainingAttempts;
import org.custodian.training.TrainingExercises;
import org.custodian.training.Walkthroughs;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trainee's training page: assigned exercise sets (start an exercise, which opens the real coding
 * screen on the trainee's copy of its encounter; submit it, which finalises the coding through the edit
 * check or a documented override, for grading) and the walkthroughs.
 */
@Controller
class TrainingTraineeController {
    private final TrainingExercises exercises;
    private final TrainingAttempts attempts;
    private final Walkthroughs walkthroughs;

    TrainingTraineeController(TrainingExercises exercises, TrainingAttempts attempts, Walkthroughs walkthroughs) {
        this.exercises = exercises;
        this.attempts = attempts;
        this.walkthroughs = walkthroughs;
    }

    @GetMapping("/training")
    String home(@AuthenticationPrincipal CustodianUser user, Model model) {
        if (!user.can(Permission.TAKE_TRAINING) && user.can(Permission.MANAGE_TRAINING)) {
            return "redirect:" + TrainingSetController.PATH;
        }
        java.util.List<ExerciseSet> sets = exercises.assigned(user);
        java.util.Map<UUID, Attempt> mine = new java.util.HashMap<>();
        sets.forEach(s -> mine.putAll(attempts.mine(user, s)));
        model.addAttribute("sets", sets);
        model.addAttribute("attempts", mine);
        model.addAttribute("walkthroughs", walkthroughs.all(user));
        return "training/home";
    }

    @PostMapping("/training/exercises/{exerciseId}/start")
    String start(@PathVariable UUID exerciseId, @AuthenticationPrincipal CustodianUser user) {
        return "redirect:/coding/" + attempts.start(user, exerciseId).encounterId();
    }

    @PostMapping("/training/attempts/{attemptId}/submit")
    String submit(@PathVariable UUID attemptId, @RequestParam(name = "overrideReason", required = false) String overrideReason,
                  @AuthenticationPrincipal CustodianUser user, HttpServletResponse response, Model model) {
        try {
            attempts.submit(user, attemptId, overrideReason);
            return "redirect:/training/attempts/" + attemptId;
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(refused.getMessage()));
            model.addAttribute("overrideReason", overrideReason);
            return attempt(attemptId, user, model);
        }
    }

    @GetMapping("/training/attempts/{attemptId}")
    String attempt(@PathVariable UUID attemptId, @AuthenticationPrincipal CustodianUser user, Model model) {
        TrainingAttempts.AttemptView view = attempts.view(user, attemptId);
        model.addAttribute("view", view);
        model.addAttribute("own", view.attempt().trainee().equals(user.getUsername()));
        return "training/attempt";
    }
}
