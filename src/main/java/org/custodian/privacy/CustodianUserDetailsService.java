package org.custodian.privacy;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

@Service
public class CustodianUserDetailsService implements UserDetailsService {
    private final UserAccountRepository users;

    CustodianUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
