package org.custodian.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.custodian.privacy.CustodianUser;
import org.custodian.training.AnswerKeyText;
import org.custodian.training.NewExercise;
import org.custodian.training.TrainingExercises;
import org.custodian.training.TrainingSandbox;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Adding an exercise to a set: pick a sandbox encounter, review the answer key suggested from its own
 * codes (or type one), save.
 */
@Controller
class TrainingExerciseController {
    private static final int ENCOUNTERS = 50;

    private final TrainingExercises exercises;
    private final TrainingSandbox sandbox;

    TrainingExerciseController(TrainingExercises exercises, TrainingSandbox sandbox) {
        this.exercises = exercises;
        this.sandbox = sandbox;
    }

    @GetMapping(TrainingSetController.PATH + "/{setId}/exercises/new")
    String form(@PathVariable UUID setId, @RequestParam(required = false) UUID encounter,
                @AuthenticationPrincipal CustodianUser user, Model model) {
        model.addAttribute("set", exercises.set(user, setId));
        if (encounter == null) {
            model.addAttribute("encounters", sandbox.encounters(user, ENCOUNTERS));
            return "training/pick-encounter";
        }
        model.addAttribute("encounter", encounter);
        if (!model.containsAttribute("key")) {
            model.addAttribute("key", AnswerKeyText.format(exercises.suggestedKey(user, encounter)));
        }
        return "training/new-exercise";
    }

    @PostMapping(TrainingSetController.PATH + "/{setId}/exercises")
    String add(@PathVariable UUID setId, @RequestParam UUID encounter, @RequestParam(defaultValue = "") String title,
               @RequestParam(defaultValue = "") String key, @AuthenticationPrincipal CustodianUser user,
               HttpServletResponse response, Model model) {
        try {
            exercises.addExercise(user, setId, new NewExercise(encounter, title, AnswerKeyText.parse(key)));
            return "redirect:" + TrainingSetController.PATH + "/" + setId + "?added";
        } catch (IllegalArgumentException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", ErrorPages.sentence(refused.getMessage()));
            model.addAttribute("title", title);
            model.addAttribute("key", key);
            return form(setId, encounter, user, model);
        }
    }
}
