package org.custodian.web;

import org.custodian.training.TrainingDenied;
import org.custodian.training.TrainingNotFound;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Training's refusals as pages: a role without training is a 403, a set or attempt not found (or not yours) a 404. */
@ControllerAdvice(assignableTypes = {TrainingSetController.class, TrainingExerciseController.class, TrainingSandboxController.class,
        TrainingTraineeController.class, TrainingWalkthroughController.class})
@Order(-1) // ahead of ErrorPages' catch-all
class TrainingErrors {
    private final Viewers viewers;

    TrainingErrors(Viewers viewers) {
        this.viewers = viewers;
    }

    @ExceptionHandler(TrainingDenied.class)
    ModelAndView denied(TrainingDenied denied, Authentication user) {
        return ErrorPage.forbidden(denied.getMessage()).view(viewers.of(user));
    }

    @ExceptionHandler(TrainingNotFound.class)
    ModelAndView notFound(TrainingNotFound missing, Authentication user) {
        return ErrorPage.notFound(ErrorPages.sentence(missing.getMessage())).view(viewers.of(user));
    }
}
